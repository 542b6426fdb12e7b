/** WhatsApp Web driven through Playwright on one thread, the page contract shim, and the WhatsApp simulator. */
package it.mssg.bridge;
