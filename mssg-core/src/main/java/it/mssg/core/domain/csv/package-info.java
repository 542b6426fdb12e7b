/** Contact CSV files: the import reader (encoding, delimiter, header roles, row rules) and the export writer. */
package it.mssg.core.domain.csv;
