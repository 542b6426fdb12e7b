package it.mssg.core.application;

import it.mssg.core.api.GovernorSettingsApi;
import it.mssg.core.api.GovernorSettingsView;
import it.mssg.core.api.InvalidInputException;
import it.mssg.core.domain.sending.GovernorSettings;
import it.mssg.core.domain.sending.OptOutKeywords;
import it.mssg.core.store.SettingStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalTime;
import java.util.List;

/**
 * The governor's settings, one line in the settings table ({@value #KEY}); read once and kept. A stored line
 * that no longer parses (an older format) falls back to the defaults rather than stopping the outbox.
 */
@Service
class GovernorSettingsService implements GovernorSettingsApi {

    static final String KEY = "outbox.governor";
    /** Opt-out keywords, one a line; absent = {@link OptOutKeywords#DEFAULTS}. */
    static final String KEYWORDS_KEY = "outbox.opt-out-keywords";
    static final int MAX_KEYWORDS = 100;
    private static final Logger log = LoggerFactory.getLogger(GovernorSettingsService.class);

    private final SettingStore settings;
    private final CoreClock clock;
    private final SendSignal signal;
    private volatile GovernorSettings current;
    private volatile OptOutKeywords keywords;

    GovernorSettingsService(SettingStore settings, CoreClock clock, SendSignal signal) {
        this.settings = settings;
        this.clock = clock;
        this.signal = signal;
    }

    /** The settings in force, for the send loop. */
    GovernorSettings current() {
        GovernorSettings s = current;
        if (s == null) {
            s = settings.get(KEY).map(GovernorSettingsService::parse).orElseGet(GovernorSettings::defaults);
            current = s;
        }
        return s;
    }

    @Override
    public GovernorSettingsView get() {
        return GovernorSettingsView.of(current());
    }

    @Override
    @Transactional
    public GovernorSettingsView update(GovernorSettingsView view) {
        InvalidInputException.require(view != null, null, "settings are missing");
        GovernorSettings s = view.toSettings();
        settings.put(KEY, format(GovernorSettingsView.of(s)), clock.instant());
        current = s;
        signal.changed();
        return GovernorSettingsView.of(s);
    }

    @Override
    @Transactional
    public GovernorSettingsView reset() {
        return update(GovernorSettingsView.of(GovernorSettings.defaults()));
    }

    /** The opt-out keywords in force, for the inbound listener. */
    OptOutKeywords keywords() {
        OptOutKeywords k = keywords;
        if (k == null) {
            k = settings.get(KEYWORDS_KEY).filter(s -> !s.isBlank()).map(s -> {
                try {
                    return OptOutKeywords.of(List.of(s.split("\n")));
                } catch (IllegalArgumentException e) {
                    log.warn("Stored opt-out keywords could not be read ({}); using the defaults", e.getMessage());
                    return OptOutKeywords.defaults();
                }
            }).orElseGet(OptOutKeywords::defaults);
            keywords = k;
        }
        return k;
    }

    @Override
    @Transactional
    public List<String> optOutKeywords() {
        return keywords().keywords();
    }

    @Override
    @Transactional
    public List<String> updateOptOutKeywords(List<String> words) {
        InvalidInputException.require(words != null, "keywords", "the keywords are missing");
        InvalidInputException.require(words.size() <= MAX_KEYWORDS, "keywords", "at most " + MAX_KEYWORDS + " keywords");
        OptOutKeywords k;
        try {
            k = words.isEmpty() ? OptOutKeywords.defaults()
                    : OptOutKeywords.of(words.stream().map(w -> w == null ? "" : w.replace('\n', ' ')).toList());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("keywords", e.getMessage());
        }
        settings.put(KEYWORDS_KEY, words.isEmpty() ? "" : String.join("\n", k.keywords()), clock.instant());
        keywords = k;
        return k.keywords();
    }

    static String format(GovernorSettingsView v) {
        return String.join(",", List.of(String.valueOf(v.replySpacingMinSeconds()), String.valueOf(v.replySpacingMaxSeconds()),
                String.valueOf(v.spacingMinSeconds()), String.valueOf(v.spacingMaxSeconds()),
                String.valueOf(v.firstContactSpacingMinSeconds()), String.valueOf(v.firstContactSpacingMaxSeconds()),
                String.valueOf(v.perMinute()), String.valueOf(v.perHour()), String.valueOf(v.perDay()),
                String.valueOf(v.warmUp()), v.quietStart() == null ? "-" : v.quietStart().toString(),
                v.quietEnd() == null ? "-" : v.quietEnd().toString(), String.valueOf(v.recipientGapMinutes()),
                String.valueOf(v.duplicateWindowHours()), String.valueOf(v.coldPerDay()),
                String.valueOf(v.failuresBeforePause()), String.valueOf(v.conversationWindowHours()),
                String.valueOf(v.replyReservePercent())));
    }

    static GovernorSettings parse(String line) {
        try {
            String[] p = line.split(",");
            return new GovernorSettingsView(Long.parseLong(p[0]), Long.parseLong(p[1]), Long.parseLong(p[2]),
                    Long.parseLong(p[3]), Long.parseLong(p[4]), Long.parseLong(p[5]), Integer.parseInt(p[6]),
                    Integer.parseInt(p[7]), Integer.parseInt(p[8]), Boolean.parseBoolean(p[9]), time(p[10]), time(p[11]),
                    Long.parseLong(p[12]), Long.parseLong(p[13]), Integer.parseInt(p[14]), Integer.parseInt(p[15]),
                    Long.parseLong(p[16]), Integer.parseInt(p[17])).toSettings();
        } catch (RuntimeException e) {
            log.warn("Stored send governor settings could not be read ({}); using the defaults", e.getMessage());
            return GovernorSettings.defaults();
        }
    }

    private static LocalTime time(String s) {
        return "-".equals(s) ? null : LocalTime.parse(s);
    }
}
