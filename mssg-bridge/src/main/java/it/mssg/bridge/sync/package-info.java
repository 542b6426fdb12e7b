/** From the page to core: the history sync in pages, page data to core's records, in-order forwarding. */
package it.mssg.bridge.sync;
