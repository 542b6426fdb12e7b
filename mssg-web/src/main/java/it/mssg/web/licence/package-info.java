/** The Licence screen. */
package it.mssg.web.licence;
