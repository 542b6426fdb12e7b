package it.mssg.core.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class PhoneNumbersTest {

    @ParameterizedTest(name = "{0} in {1} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', nullValues = "null", textBlock = """
            +39 333 123 4567   | IT   | +393331234567
            333 1234567        | IT   | +393331234567
            333-123-4567       | IT   | +393331234567
            (333) 123.4567     | IT   | +393331234567
            0039 333 1234567   | null | +393331234567
            +393331234567      | null | +393331234567
            393331234567       | IT   | +393331234567
            06 1234567         | IT   | +39061234567
            +39 06 1234567     | US   | +39061234567
            650 253 0000       | US   | +16502530000
            1 650 253 0000     | US   | +16502530000
            06 12345678        | NL   | +31612345678
            +44 7911 123456    | IT   | +447911123456
            4915112345678      | IT   | +4915112345678
            '+39 333 1234567   | IT   | +393331234567
            011 15 2345 6789   | AR   | +5491123456789
            """)
    void normalisesToE164(String raw, String region, String e164) {
        PhoneNumbers.Result r = PhoneNumbers.normalise(raw, region);
        assertThat(r).isInstanceOf(PhoneNumbers.Valid.class);
        assertThat(((PhoneNumbers.Valid) r).e164()).isEqualTo(e164);
    }

    /** Spreadsheets, phones and word processors write these; they are spaces and dashes, not letters. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            no-break space U+00A0          | +39\u00A0333\u00A01234567
            narrow no-break space U+202F   | +39\u202F333\u202F1234567
            thin space U+2009              | +39\u2009333\u20091234567
            figure space U+2007            | 333\u20071234567
            ideographic space U+3000       | 333\u30001234567
            leading and trailing U+00A0    | \u00A0333 1234567\u00A0
            non-breaking hyphen U+2011     | 333\u2011123\u20114567
            en dash U+2013                 | 333\u2013123\u20134567
            em dash U+2014                 | +39\u2014333\u20141234567
            minus sign U+2212              | 333\u2212123\u22124567
            """)
    void otherSpacesAndDashesAreSpacesAndDashes(String what, String raw) {
        PhoneNumbers.Result r = PhoneNumbers.normalise(raw, "IT");
        assertThat(r).as(what).isEqualTo(new PhoneNumbers.Valid("+393331234567"));
    }

    @ParameterizedTest(name = "{0} in {1} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', nullValues = "null", textBlock = """
            null               | IT   | EMPTY            | no phone number
            "   "              | IT   | EMPTY            | no phone number
            Mario Rossi        | IT   | NOT_A_NUMBER     | not a phone number
            3.93331E+11        | IT   | NOT_A_NUMBER     | spreadsheet
            333<script>        | IT   | NOT_A_NUMBER     | not a phone number
            +39 333 +12        | IT   | NOT_A_NUMBER     | + in the middle
            123                | IT   | TOO_SHORT        | too short
            +39 333            | IT   | TOO_SHORT        | too short for a number in Italy
            123456789012345678 | IT   | TOO_LONG         | too long
            +999 1234567       | IT   | UNKNOWN_COUNTRY  | unknown country code
            333 1234567        | null | NO_REGION        | with + and its country code
            333 1234567        | XX   | NO_REGION        | with + and its country code
            4412345678         | AT   | INVALID          | not a valid number in Austria
            447911123456       | DE   | AMBIGUOUS        | +49447911123456 (Germany) or +447911123456
            33612345678        | DE   | AMBIGUOUS        | +33612345678 (France)
            """)
    void rejectsWithAReason(String raw, String region, PhoneNumbers.Problem problem, String reasonPart) {
        PhoneNumbers.Result r = PhoneNumbers.normalise(raw, region);
        assertThat(r).isInstanceOf(PhoneNumbers.Invalid.class);
        PhoneNumbers.Invalid invalid = (PhoneNumbers.Invalid) r;
        assertThat(invalid.problem()).isEqualTo(problem);
        assertThat(invalid.reason()).contains(reasonPart);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            +31612345678   | 0612345678
            +393331234567  | 3331234567
            +390612345678  | 0612345678
            +16502530000   | 6502530000
            +4915112345678 | 015112345678
            """)
    void nationalDigitsForSearch(String e164, String national) {
        assertThat(PhoneNumbers.nationalDigits(e164)).isEqualTo(national);
        assertThat(PhoneNumbers.nationalDigitsByParse(e164)).isEqualTo(national);
    }

    /** Numbers the fast split hands to parse() (a national prefix after the calling code, no region, not E.164) or splits itself. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"+78121234567", "+79161234567", "+5491123456789", "+80012345678",
            "+882393123456", "+1", "+12", "+390", "+39 333 1234567", "393331234567", "+9991234567", "+3906"})
    void nationalDigitsEqualParse(String e164) {
        assertThat(PhoneNumbers.nationalDigits(e164)).isEqualTo(PhoneNumbers.nationalDigitsByParse(e164));
    }

    /** The fast split of nationalDigits gives what parse() gives, for every region's example numbers of every type. */
    @org.junit.jupiter.api.Test
    void nationalDigitsEqualParseForEveryRegionsExampleNumbers() {
        var util = com.google.i18n.phonenumbers.PhoneNumberUtil.getInstance();
        int checked = 0;
        for (String region : util.getSupportedRegions()) {
            for (var type : com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType.values()) {
                var example = util.getExampleNumberForType(region, type);
                if (example == null) continue;
                String e164 = util.format(example, com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat.E164);
                assertThat(PhoneNumbers.nationalDigits(e164)).as(region + " " + type + " " + e164)
                        .isEqualTo(PhoneNumbers.nationalDigitsByParse(e164));
                checked++;
            }
        }
        for (int cc : util.getSupportedGlobalNetworkCallingCodes()) {
            var example = util.getExampleNumberForNonGeoEntity(cc);
            if (example == null) continue;
            String e164 = util.format(example, com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat.E164);
            assertThat(PhoneNumbers.nationalDigits(e164)).as(e164).isEqualTo(PhoneNumbers.nationalDigitsByParse(e164));
            checked++;
        }
        assertThat(checked).isGreaterThan(1_000);
    }

    @org.junit.jupiter.api.Test
    void regionsHaveNamesAndCallingCodes() {
        assertThat(PhoneNumbers.regions()).anySatisfy(r -> {
            assertThat(r.code()).isEqualTo("IT");
            assertThat(r.name()).isEqualTo("Italy");
            assertThat(r.callingCode()).isEqualTo(39);
        });
        assertThat(PhoneNumbers.regions().size()).isGreaterThan(200);
    }
}
