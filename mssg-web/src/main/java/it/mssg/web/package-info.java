/** The dashboard, the local REST API and the localhost security around them. */
package it.mssg.web;
