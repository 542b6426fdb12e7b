/** Ed25519 signing of licence tokens with the vendor's private key, which is loaded from a file or the environment. */
package it.mssg.licensing.server.signing;
