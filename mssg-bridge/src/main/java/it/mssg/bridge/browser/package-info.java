/** Chromium through Playwright on one thread: launching, the page session, typed failures. Playwright lives only here. */
package it.mssg.bridge.browser;
