package kz.qorgau.signals.identifiers;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.qorgau.signals.text.LookAlikes;
import kz.qorgau.signals.text.NormalizedText;
import kz.qorgau.signals.text.TextNormalizer;
import kz.qorgau.signals.text.TextSpan;
import kz.qorgau.signals.text.Token;
import kz.qorgau.signals.text.TokenKind;

/**
 * Messenger links and handles, read with regular expressions on the original text: WhatsApp links
 * ({@code wa.me/77…}, {@code api.whatsapp.com/send?phone=…}), Telegram links and handles
 * ({@code t.me/name}, {@code t.me/+7…}, {@code @name}), Instagram links and handles. Letters of
 * other scripts that look Latin are read as Latin, since both services allow only Latin names.
 */
final class ContactLinkExtractor {

    private static final Pattern WHATSAPP = Pattern.compile(
            "(?i)(?:https?://)?(?:www\\.)?(?:wa\\.me/|api\\.whatsapp\\.com/send/?\\?phone=|whatsapp\\.com/send/?\\?phone=)"
                    + "\\+?([0-9][0-9 \\-]{6,20}[0-9])");
    private static final Pattern MESSENGER_LINK = Pattern.compile(
            "(?i)(?:https?://)?(?:www\\.)?(t\\.me|telegram\\.me|telegram\\.dog|instagram\\.com|instagr\\.am)/"
                    + "(\\+?[\\p{L}\\p{N}_.]{1,40})");
    private static final Pattern HANDLE_BODY = Pattern.compile("[\\p{L}\\p{N}_.]{3,40}");
    /** What may follow a messenger's name to give a handle without {@code @}: "tg: rose_44". */
    private static final Pattern AFTER_LABEL =
            Pattern.compile("\\s*[:\\-]\\s*([A-Za-z][A-Za-z0-9_.]{4,31})(?![\\p{L}\\p{N}@])");

    private static final Pattern TELEGRAM_NAME = Pattern.compile("[a-z][a-z0-9_]{3,31}");
    private static final Pattern INSTAGRAM_NAME = Pattern.compile("[a-z0-9._]{1,30}");
    private static final int CONTEXT_BEFORE = 24;

    private static final List<String> TELEGRAM_WORDS =
            List.of("tg", "telegram", "telega", "телеграм", "телеграмм", "телега", "тг", "телеграмға");
    private static final List<String> INSTAGRAM_WORDS =
            List.of("inst", "insta", "instagram", "ig", "инст", "инста", "инстаграм", "инстаграмм");

    private static final Map<String, Messenger> LABEL_KEYS = labelKeys();

    private final String region;

    private static Map<String, Messenger> labelKeys() {
        Map<String, Messenger> out = new HashMap<>();
        TELEGRAM_WORDS.forEach(w -> out.put(TextNormalizer.key(w), Messenger.TELEGRAM));
        INSTAGRAM_WORDS.forEach(w -> out.put(TextNormalizer.key(w), Messenger.INSTAGRAM));
        return Map.copyOf(out);
    }

    ContactLinkExtractor(String region) {
        this.region = region;
    }

    /** What the links and handles in a text gave. */
    record Found(List<PhoneMention> phones, List<HandleMention> handles, List<TextSpan> claimed) {}

    Found extract(NormalizedText normalized) {
        String text = normalized.original();
        // Patterns are only tried where their fixed parts occur: trying them at every position of
        // every ad costs more than all the rest of the extraction.
        String lower = asciiLower(text);
        List<PhoneMention> phones = new ArrayList<>();
        List<HandleMention> handles = new ArrayList<>();
        List<TextSpan> claimed = new ArrayList<>();
        Matcher m = WHATSAPP.matcher(text);
        for (int anchor : anchors(lower, "wa.me/", "whatsapp.com/")) {
            m.region(Math.max(0, anchor - 12), Math.min(text.length(), anchor + 64));
            if (!m.find() || overlaps(claimed, m.start(), m.end())) {
                continue;
            }
            TextSpan link = TextSpan.of(text, m.start(), m.end());
            claimed.add(link);
            String digits = m.group(1).replaceAll("[^0-9]", "");
            linkPhone(digits)
                    .ifPresent(
                            e164 -> phones.add(new PhoneMention(e164, link, EnumSet.of(PhoneDisguise.MESSENGER_LINK))));
        }
        m = MESSENGER_LINK.matcher(text);
        for (int anchor : anchors(lower, "t.me/", "telegram.me/", "telegram.dog/", "instagram.com/", "instagr.am/")) {
            m.region(Math.max(0, anchor - 12), Math.min(text.length(), anchor + 64));
            if (!m.find() || overlaps(claimed, m.start(), m.end())) {
                continue;
            }
            claimed.add(TextSpan.of(text, m.start(), m.end()));
            String host = m.group(1).toLowerCase(Locale.ROOT);
            String path = m.group(2);
            boolean telegram = host.startsWith("t");
            TextSpan evidence = TextSpan.of(text, m.start(), m.end());
            if (telegram && path.startsWith("+")) {
                String digits = path.replaceAll("[^0-9]", "");
                linkPhone(digits)
                        .ifPresent(e164 ->
                                phones.add(new PhoneMention(e164, evidence, EnumSet.of(PhoneDisguise.MESSENGER_LINK))));
                continue;
            }
            Messenger messenger = telegram ? Messenger.TELEGRAM : Messenger.INSTAGRAM;
            canonicalHandle(path, messenger)
                    .ifPresent(handle -> handles.add(new HandleMention(messenger, handle, evidence)));
        }
        m = HANDLE_BODY.matcher(text);
        for (int at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
            if (at > 0 && isHandleBoundary(text.codePointBefore(at))) {
                continue;
            }
            m.region(at + 1, text.length());
            if (!m.lookingAt() || overlaps(claimed, at, m.end())) {
                continue;
            }
            Messenger messenger = messengerBefore(text, at);
            Optional<String> handle = canonicalHandle(m.group(), messenger);
            if (handle.isPresent()) {
                claimed.add(TextSpan.of(text, at, m.end()));
                handles.add(new HandleMention(messenger, handle.get(), evidenceWithLabel(text, at, m.end())));
            }
        }
        Matcher after = AFTER_LABEL.matcher(text);
        for (Token token : normalized.tokens()) {
            Messenger messenger = LABEL_KEYS.get(token.key());
            if (messenger == null || token.kind() != TokenKind.WORD) {
                continue;
            }
            after.region(token.end(), text.length());
            // Without '@' only a name that looks like a handle counts: "Telegram: eight seven …" is a
            // number in words, "tg: rose_4531" a handle.
            if (!after.lookingAt()
                    || overlaps(claimed, after.start(1), after.end(1))
                    || after.group(1).chars().noneMatch(c -> Character.isDigit(c) || c == '_' || c == '.')) {
                continue;
            }
            Optional<String> handle = canonicalHandle(after.group(1), messenger);
            if (handle.isPresent()) {
                claimed.add(TextSpan.of(text, after.start(1), after.end(1)));
                handles.add(new HandleMention(messenger, handle.get(), TextSpan.of(text, token.start(), after.end())));
            }
        }
        return new Found(phones, handles, claimed);
    }

    /** Lower-cases ASCII letters only, so that indexes stay those of the original text. */
    private static String asciiLower(String text) {
        char[] out = text.toCharArray();
        for (int i = 0; i < out.length; i++) {
            char c = out[i];
            if (c >= 'A' && c <= 'Z') {
                out[i] = (char) (c + ('a' - 'A'));
            }
        }
        return new String(out);
    }

    private static List<Integer> anchors(String lower, String... needles) {
        List<Integer> out = new ArrayList<>();
        for (String needle : needles) {
            for (int i = lower.indexOf(needle); i >= 0; i = lower.indexOf(needle, i + 1)) {
                out.add(i);
            }
        }
        out.sort(null);
        return out;
    }

    private static boolean isHandleBoundary(int cp) {
        return Character.isLetterOrDigit(cp) || cp == '_' || cp == '.' || cp == '@' || cp == '/';
    }

    private Optional<String> linkPhone(String digits) {
        if (digits.length() < 10) {
            return Optional.empty();
        }
        // Links carry international numbers without the plus; a national 8… is tolerated.
        Optional<String> international = PhoneNumbers.parse("+" + digits, region);
        return international.isPresent() ? international : PhoneNumbers.parse(digits, region);
    }

    private static boolean overlaps(List<TextSpan> spans, int start, int end) {
        for (TextSpan s : spans) {
            if (start < s.end() && s.start() < end) {
                return true;
            }
        }
        return false;
    }

    private static Messenger messengerBefore(String text, int at) {
        String before = TextNormalizer.fold(text.substring(Math.max(0, at - CONTEXT_BEFORE), at));
        int telegram = lastIndexOfAny(before, TELEGRAM_WORDS);
        int instagram = lastIndexOfAny(before, INSTAGRAM_WORDS);
        if (telegram < 0 && instagram < 0) {
            return Messenger.UNKNOWN;
        }
        return telegram >= instagram ? Messenger.TELEGRAM : Messenger.INSTAGRAM;
    }

    private static int lastIndexOfAny(String haystack, List<String> words) {
        int best = -1;
        for (String w : words) {
            int at = haystack.lastIndexOf(w);
            while (at >= 0) {
                boolean startOk = at == 0 || !Character.isLetter(haystack.charAt(at - 1));
                int after = at + w.length();
                boolean endOk = after >= haystack.length() || !Character.isLetter(haystack.charAt(after));
                if (startOk && endOk) {
                    best = Math.max(best, at);
                    break;
                }
                at = haystack.lastIndexOf(w, at - 1);
            }
        }
        return best;
    }

    /** The handle with its label ("tg @name") when a label stands right before it. */
    private static TextSpan evidenceWithLabel(String text, int start, int end) {
        int s = start;
        int k = start - 1;
        while (k >= 0 && (text.charAt(k) == ' ' || text.charAt(k) == ':')) {
            k--;
        }
        int wordEnd = k + 1;
        while (k >= 0 && Character.isLetter(text.charAt(k))) {
            k--;
        }
        String word = TextNormalizer.fold(text.substring(k + 1, wordEnd));
        if (TELEGRAM_WORDS.contains(word) || INSTAGRAM_WORDS.contains(word)) {
            s = k + 1;
        }
        return TextSpan.of(text, s, end);
    }

    /**
     * {@code @} and the lower-case name, look-alike letters read as Latin; empty when the name is
     * not one the service allows.
     */
    static Optional<String> canonicalHandle(String raw, Messenger messenger) {
        String folded = TextNormalizer.fold(raw);
        StringBuilder latin = new StringBuilder(folded.length());
        folded.codePoints().forEach(cp -> latin.appendCodePoint(cp < 0x80 ? cp : latinOf(cp)));
        String name = latin.toString();
        while (name.endsWith(".") || name.endsWith("_")) {
            name = name.substring(0, name.length() - 1);
        }
        if (name.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        boolean ok = switch (messenger) {
            case TELEGRAM -> TELEGRAM_NAME.matcher(name).matches();
            case INSTAGRAM -> INSTAGRAM_NAME.matcher(name).matches() && name.length() >= 3;
            case UNKNOWN ->
                TELEGRAM_NAME.matcher(name).matches()
                        || (INSTAGRAM_NAME.matcher(name).matches() && name.length() >= 3);
        };
        return ok ? Optional.of("@" + name) : Optional.empty();
    }

    private static int latinOf(int cp) {
        int latin = LookAlikes.toLatin(cp);
        return latin < 0x80 ? Character.toLowerCase(latin) : cp;
    }
}
