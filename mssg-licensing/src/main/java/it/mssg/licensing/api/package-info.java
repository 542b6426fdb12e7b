/** What the app may ask of licensing: the licence state, buying, activating, billing, entitlements, and what is stored. */
package it.mssg.licensing.api;
