/** The page contract: our shim over the DESIGN.md subset of wa-js, and the pinned wa-js bundle. */
package it.mssg.bridge.page;
