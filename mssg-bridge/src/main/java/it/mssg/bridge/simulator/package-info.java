/** The WhatsApp simulator: a simulated network, its page with a strict window.WPP, and the control API. */
package it.mssg.bridge.simulator;
