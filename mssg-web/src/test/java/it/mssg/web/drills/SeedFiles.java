package it.mssg.web.drills;

import java.nio.charset.StandardCharsets;

/**
 * Good contact CSV files of a few rows, in the shapes people bring: our own header, an Italian spreadsheet with
 * semicolons and local numbers, a tab-separated phone-book export, no header at all, and mssg's own export. Each
 * file number gets numbers of its own ({@code +39 347 fffff rr}), so a committed file creates new contacts
 * instead of finding them stored already.
 */
final class SeedFiles {

    static final int SHAPES = 5;

    private SeedFiles() {
    }

    /** The good file of shape {@code fileNumber % SHAPES}, with numbers unique to {@code fileNumber}. */
    static byte[] file(int fileNumber) {
        int rows = 2 + Math.floorMod(fileNumber * 7, 5);
        StringBuilder csv = new StringBuilder();
        switch (Math.floorMod(fileNumber, SHAPES)) {
            case 0 -> {
                csv.append("phone,name,tags,notes\n");
                for (int r = 0; r < rows; r++) {
                    csv.append(number(fileNumber, r, true)).append(",Anna Rossi ").append(r).append(",vip;friends,\"met in Rome, 2024\"\n");
                }
            }
            case 1 -> {
                csv.append("Nome;Cognome;Cellulare;Email\n");
                for (int r = 0; r < rows; r++) {
                    csv.append("Giulia;Bianchi ").append(r).append(';').append(local(fileNumber, r)).append(";giulia").append(r)
                            .append("@example.invalid\n");
                }
            }
            case 2 -> {
                csv.append("mobile\tfull name\tlabels\n");
                for (int r = 0; r < rows; r++) {
                    csv.append(number(fileNumber, r, false)).append("\tMarco Ferri ").append(r).append("\tclients|2024\n");
                }
            }
            case 3 -> {
                for (int r = 0; r < rows; r++) {
                    csv.append(number(fileNumber, r, true)).append(",Sofia Greco ").append(r).append('\n');
                }
            }
            default -> {
                csv.append("\uFEFFphone,name,push name,whatsapp id,business,opted out,source,tags,notes,email\r\n");
                for (int r = 0; r < rows; r++) {
                    csv.append(number(fileNumber, r, false)).append(",Luca De Luca ").append(r).append(",Luca,,false,false,IMPORT,")
                            .append("vip,\"said \"\"hi\"\"\",luca").append(r).append("@example.invalid\r\n");
                }
            }
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** {@code +39 347 fffff rr}: written with spaces or without. */
    static String number(int fileNumber, int row, boolean spaced) {
        String digits = String.format("%05d%02d", Math.floorMod(fileNumber, 100_000), row);
        return spaced ? "+39 347 " + digits.substring(0, 3) + " " + digits.substring(3) : "+39347" + digits;
    }

    /** The same number as an Italian writes it at home, without the country code. */
    static String local(int fileNumber, int row) {
        return "347 " + String.format("%05d%02d", Math.floorMod(fileNumber, 100_000), row);
    }
}
