/**
 * The user's data: export it, back it up, delete all of it; the token-free {@code /healthz} the container
 * health check calls; and the "restart to begin again" answer once everything was deleted.
 */
package it.mssg.web.data;
