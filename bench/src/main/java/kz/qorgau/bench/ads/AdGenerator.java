package kz.qorgau.bench.ads;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import kz.qorgau.signals.ads.Ad;
import kz.qorgau.signals.ads.PdqHash;
import org.jspecify.annotations.Nullable;

/**
 * Generates ads like those of escort sites and classifieds in Kazakhstan, in Russian (55%), Kazakh
 * (25%) and English (20%), from a seeded {@link Random}: the same seed and count give the same ads.
 *
 * <p>Ads come from planted operators (mean about four ads each, a few with dozens). An operator
 * writes from its own template — an offer, a place, hours, payment terms, its own string of
 * descriptive words, optional extra sentences — and varies it from ad to ad (names, ages, emoji, a
 * slot swapped now and then); one ad in ten is a repost of the operator's previous ad with another
 * name. It gives one to three phone numbers, written in a different disguise each time (usual
 * formats, split digits, words, words mixed with digits, look-alike letters, WhatsApp links,
 * full-width digits), sometimes a Telegram handle, and sometimes photos whose PDQ hashes change by a
 * few bits between ads (re-encoding). Some operators offer minors (stated ages under 18, school
 * references, emoji codes) and some sit at the legal edge ("только исполнилось 18"). One ad in five is
 * an ordinary classified (rentals, tutors, sales, nannies) with its own number. A site support number
 * and a stock photo appear in 0.6% of all ads, across operators: common contacts a linker must not
 * link by.
 *
 * <p>Not thread-safe. Memory: the operators (about a quarter of the ad count) and one int per ad.
 */
final class AdGenerator {

    /** What one generated ad is, by construction. */
    record Planted(Ad ad, int operator, List<String> phones, boolean minor, boolean legalEdge) {}

    /** Receives the generated ads in order. */
    interface Sink {
        void accept(int index, Planted planted);
    }

    static final String SUPPORT_PHONE = "+77000000000";
    private static final double HUB_RATE = 0.006;
    private static final double CLASSIFIED_RATE = 0.2;
    private static final double REPOST_RATE = 0.1;
    private static final String[] MOBILE_PREFIXES = {
        "700", "701", "702", "705", "707", "708", "747", "771", "775", "776", "777", "778"
    };
    private static final String[] CITIES_RU = {
        "Алматы", "Астана", "Шымкент", "Караганда", "Актобе", "Кызылорда", "Туркестан", "Тараз", "Павлодар", "Атырау"
    };
    private static final String[] CITIES_KK = {
        "Алматы", "Астана", "Шымкент", "Қарағанды", "Ақтөбе", "Қызылорда", "Түркістан", "Тараз", "Павлодар", "Атырау"
    };
    private static final String[] CITIES_EN = {
        "Almaty", "Astana", "Shymkent", "Karaganda", "Aktobe", "Kyzylorda", "Turkistan", "Taraz", "Pavlodar", "Atyrau"
    };
    private static final String[] EMOJI = {"💋", "🔥", "🌹", "✨", "🌙", "❤️", "💎", "🥂"};
    private static final String[] MINOR_EMOJI = {"🍒", "🍭", "🎀", "🌸"};

    /** Words, phrases and templates of one language. */
    private record Language(
            String code,
            String[] cities,
            String[] names,
            String[] offers,
            String[] places,
            String[] hours,
            String[] payments,
            String[] intros,
            String[] extras,
            String[] vocabulary,
            String[] adultAges,
            String[] minorStatements,
            String[] edgeStatements,
            String[] digitWords,
            String[] classifieds,
            String telegram) {}

    private static final Language RU = new Language(
            "ru",
            CITIES_RU,
            new String[] {
                "Айя",
                "Алина",
                "Ангелина",
                "Вика",
                "Дана",
                "Камила",
                "Карина",
                "Лаура",
                "Мадина",
                "Соня",
                "Диана",
                "Милана",
                "Ева",
                "Полина",
                "Жасмин",
                "Сабина",
                "Амина",
                "Алия",
                "Асель",
                "Регина"
            },
            new String[] {
                "Компания на вечер",
                "Приятные встречи",
                "Уютные вечера",
                "Досуг и общение",
                "Скрасим вечер",
                "Встречи для отдыха",
                "Знакомства без лишних вопросов",
                "Отдых для состоятельных",
                "Интим досуг",
                "Индивидуалка"
            },
            new String[] {
                "у меня или у вас", "выезд по городу", "апартаменты рядом с вокзалом", "в центре города",
                "левый берег", "сауна и отель", "рядом с ТРЦ", "район мкр Сырдарья"
            },
            new String[] {
                "круглосуточно",
                "без выходных",
                "только вечером",
                "с 20:00 до утра",
                "ночью",
                "в любое время",
                "по предварительной записи"
            },
            new String[] {
                "предоплата",
                "оплата на месте",
                "перевод на карту",
                "Kaspi перевод",
                "наличные или перевод",
                "оплата переводом"
            },
            new String[] {
                "пиши в ватсап:",
                "звони:",
                "звони или пиши:",
                "пишите в телеграм:",
                "только смс:",
                "звонить после 18:00:"
            },
            new String[] {
                "Фото реальные.",
                "Без обмана.",
                "Ухоженная и аккуратная.",
                "Приятная в общении.",
                "Жду звонка.",
                "Работаю одна.",
                "Чистые апартаменты, душ, полотенца.",
                "Час 15 000 тг, ночь 60 000 тг.",
                "Не салон.",
                "Анонимно.",
                "Встречу красиво.",
                "Есть парковка."
            },
            new String[] {
                "осень",
                "кофе",
                "нежность",
                "лаванда",
                "гармония",
                "бархат",
                "комфорт",
                "мечта",
                "рубин",
                "огонь",
                "жемчуг",
                "весна",
                "лето",
                "мята",
                "тепло",
                "улыбка",
                "луна",
                "ветер",
                "вода",
                "зима",
                "уют",
                "тайна",
                "корица",
                "шелк",
                "роза",
                "изумруд",
                "сапфир",
                "небо",
                "звезда",
                "солнце",
                "море",
                "ваниль",
                "свет",
                "чай",
                "сказка",
                "магия",
                "рассвет",
                "закат",
                "облако",
                "янтарь"
            },
            new String[] {"{n} лет", "мне {n}", "возраст {n}"},
            new String[] {"школьница", "ученица {g} класса", "ещё учусь в школе, {g} класс", "{m} лет", "мне {m}"},
            new String[] {"только исполнилось 18", "молоденькая, 18", "совсем юная, 18 лет", "новенькая, 18 лет"},
            new String[] {"ноль", "один", "два", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять"},
            new String[] {
                "Сдаю комнату студентке, {city}. Чисто, тихо, рядом остановка. Тел {phone}",
                "Репетитор по математике для школьников 5-11 классы, {city}. Подготовка к ЕНТ. {phone}",
                "Продам детский велосипед, состояние отличное, {city}. Звоните {phone}",
                "Ищу няню для ребёнка 4 лет, {city}, пять дней в неделю. {phone}",
                "Продам школьную форму для девочки, 10-11 лет, {city}. Тел {phone}",
                "Требуется продавец в магазин одежды, {city}, график 2/2. {phone}"
            },
            "tg");

    private static final Language KK = new Language(
            "kk",
            CITIES_KK,
            new String[] {
                "Айгерім",
                "Аружан",
                "Ақбота",
                "Әсел",
                "Жансая",
                "Нұрай",
                "Томирис",
                "Салтанат",
                "Дана",
                "Мадина",
                "Балнұр",
                "Інжу",
                "Гүлназ",
                "Ұлжан",
                "Меруерт"
            },
            new String[] {
                "Кешкі демалыс",
                "Жағымды кездесулер",
                "Таныстық",
                "Көңілді кеш",
                "Кешке серік",
                "Жайлы кештер",
                "Демалыс және әңгіме",
                "Кездесу"
            },
            new String[] {
                "менде немесе сізде",
                "қала бойынша барамын",
                "сол жағалау",
                "сауна және қонақ үй",
                "Сырдария шағын ауданы",
                "орталықта"
            },
            new String[] {"тәулік бойы", "демалыссыз", "тек кешке", "20:00-ден таңға дейін", "таңғы 4-ке дейін"},
            new String[] {"алдын ала төлем", "картаға аударым", "қолма-қол немесе аударым", "аударым арқылы"},
            new String[] {
                "WhatsApp-қа жаз:", "қоңырау шал:", "телеграмға жазыңыз:", "тек смс:", "18:00-ден кейін хабарлас:"
            },
            new String[] {
                "Фото шынайы.",
                "Алдау жоқ.",
                "Жеке пәтер.",
                "Қоңырауыңды күтемін.",
                "Таза әрі жайлы.",
                "Сағаты 15 000 теңге."
            },
            new String[] {
                "жаз",
                "күз",
                "көктем",
                "қыс",
                "жайлылық",
                "нәзік",
                "арман",
                "барқыт",
                "сапфир",
                "жұлдыз",
                "рубин",
                "су",
                "інжу",
                "кофе",
                "ваниль",
                "даршын",
                "жібек",
                "аспан",
                "теңіз",
                "раушан",
                "жалбыз",
                "күлкі",
                "жылу",
                "жарық",
                "ай",
                "шай",
                "үйлесім",
                "құпия",
                "от",
                "лаванда"
            },
            new String[] {"{n} жаста", "жасым {n}"},
            new String[] {"оқушы қыз", "мектепте оқимын, {g}-сынып", "{g}-сынып оқушысы", "{m} жаста", "жасым {m}"},
            new String[] {"жаңа ғана 18 толды", "жас қыз, 18 жаста", "жаңа қыз, 18 жаста"},
            new String[] {"нөл", "бір", "екі", "үш", "төрт", "бес", "алты", "жеті", "сегіз", "тоғыз"},
            new String[] {
                "Студент қызға бөлме жалға беремін, {city}. {phone}",
                "Математикадан репетитор, оқушыларға 5-11 сынып, {city}. {phone}",
                "Қызға арналған мектеп формасы сатылады, {city}. {phone}",
                "Бала күтуші керек, {city}, аптасына бес күн. {phone}"
            },
            "tg");

    private static final Language EN = new Language(
            "en",
            CITIES_EN,
            new String[] {
                "Alina", "Angel", "Aya", "Dana", "Kamila", "Karina", "Laura", "Madina", "Sonya", "Vika", "Diana", "Eva",
                "Jasmine", "Amina", "Regina"
            },
            new String[] {
                "Evening company",
                "Pleasant meetings",
                "Cozy evenings",
                "Leisure and company",
                "Company for the night",
                "Discreet dates",
                "Sweet evenings",
                "Relaxing meetings"
            },
            new String[] {
                "my place or yours",
                "outcall across the city",
                "apartment near the station",
                "city centre",
                "left bank",
                "sauna and hotel",
                "near the mall"
            },
            new String[] {"24/7", "no days off", "evenings only", "from 8 pm till morning", "until 4 am", "any time"},
            new String[] {"pay in advance", "pay on arrival", "transfer to card", "Kaspi transfer", "cash or transfer"},
            new String[] {"text on WhatsApp:", "call or text:", "write on Telegram:", "text me:", "call after 6 pm:"},
            new String[] {
                "Real photos.",
                "No games.",
                "Clean and discreet.",
                "Looking forward to your call.",
                "Not an agency.",
                "One hour 15 000 tenge."
            },
            new String[] {
                "velvet", "comfort", "dream", "ruby", "fire", "pearl", "spring", "summer", "mint", "warmth", "smile",
                "moon", "wind", "water", "winter", "cozy", "secret", "cinnamon", "silk", "rose", "emerald", "sapphire",
                "sky", "star", "sun", "sea", "vanilla", "light", "tea", "harmony"
            },
            new String[] {"{n} y.o.", "age {n}", "I am {n}"},
            new String[] {"schoolgirl", "still in high school, grade {g}", "grade {g} student", "{m} y.o.", "I am {m}"},
            new String[] {"just turned 18", "young and fresh, 18", "barely legal, 18"},
            new String[] {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"},
            new String[] {
                "Room for rent to a student, {city}. Quiet, near the bus stop. {phone}",
                "Math tutor for schoolchildren, grades 5-11, {city}. {phone}",
                "Looking for a babysitter for a 4-year-old, {city}. {phone}",
                "Kids bike for sale, like new, {city}. Call {phone}"
            },
            "Telegram");

    /** Look-alike letters writers put in numbers, per digit. */
    private static final String[][] LOOK_ALIKES = {
        {"О", "o", "O"}, {"I", "l"}, {"2"}, {"З"}, {"Ч"}, {"5"}, {"б"}, {"7"}, {"В"}, {"9"}
    };

    private final Random random;
    private final List<Operator> operators = new ArrayList<>();
    private final PdqHash stockPhoto;
    private long phoneCounter;
    private int handleCounter;

    AdGenerator(long seed) {
        this.random = new Random(seed);
        this.stockPhoto = photo();
        this.phoneCounter = (seed & 0xFFFF) * 1_000_003L;
    }

    private static final class Operator {
        final int id;
        final Language language;
        final int kind; // 0 adult, 1 minor, 2 legal edge, 3 ordinary classified
        final int offer;
        final int place;
        final int hours;
        final int payment;
        final int intro;
        final String signature;
        final String extras;
        final List<String> phones = new ArrayList<>();
        final String handle;
        final List<PdqHash> photos = new ArrayList<>();
        final String[] cities;
        final int classified;
        long lastSeed;
        int ads;

        Operator(int id, Language language, int kind, Random r, String handle, int classified) {
            this.id = id;
            this.language = language;
            this.kind = kind;
            this.offer = r.nextInt(language.offers().length);
            this.place = r.nextInt(language.places().length);
            this.hours = r.nextInt(language.hours().length);
            this.payment = r.nextInt(language.payments().length);
            this.intro = r.nextInt(language.intros().length);
            StringBuilder words = new StringBuilder();
            int count = 4 + r.nextInt(3);
            for (int i = 0; i < count; i++) {
                words.append(i == 0 ? "" : " ").append(pick(language.vocabulary(), r));
            }
            this.signature = words.toString();
            StringBuilder extra = new StringBuilder();
            int extraCount = r.nextInt(3);
            for (int i = 0; i < extraCount; i++) {
                extra.append(' ').append(pick(language.extras(), r));
            }
            this.extras = extra.toString();
            this.handle = handle;
            this.cities = new String[] {pick(language.cities(), r), pick(language.cities(), r)};
            this.classified = classified;
        }
    }

    private static <T> T pick(T[] values, Random r) {
        return values[r.nextInt(values.length)];
    }

    /** A new distinct mobile number: a bijection of a counter into the 7-digit subscriber space. */
    private String newPhone() {
        long n = phoneCounter++;
        String prefix = MOBILE_PREFIXES[(int) (n % MOBILE_PREFIXES.length)];
        long subscriber = ((n / MOBILE_PREFIXES.length) * 3_141_593L + 1_234_567L) % 10_000_000L;
        return "+7" + prefix + String.format("%07d", subscriber);
    }

    private PdqHash photo() {
        return new PdqHash(random.nextLong(), random.nextLong(), random.nextLong(), random.nextLong());
    }

    private PdqHash reencoded(PdqHash photo, Random r) {
        long[] w = {photo.w0(), photo.w1(), photo.w2(), photo.w3()};
        int flips = r.nextInt(7);
        for (int f = 0; f < flips; f++) {
            int bit = r.nextInt(256);
            w[bit / 64] ^= 1L << (bit % 64);
        }
        return new PdqHash(w[0], w[1], w[2], w[3]);
    }

    private Operator newOperator(boolean classified) {
        double l = random.nextDouble();
        Language language = l < 0.55 ? RU : l < 0.8 ? KK : EN;
        double k = random.nextDouble();
        int kind = classified ? 3 : k < 0.15 ? 1 : k < 0.25 ? 2 : 0;
        String handle = !classified && random.nextDouble() < 0.5
                ? "@" + pick(new String[] {"rose", "night", "kz", "star", "lady", "qz"}, random) + "_"
                        + (handleCounter++)
                : "";
        Operator op = new Operator(
                operators.size(), language, kind, random, handle, random.nextInt(language.classifieds().length));
        int phoneCount = classified ? 1 : 1 + (random.nextDouble() < 0.3 ? 1 : 0) + (random.nextDouble() < 0.1 ? 1 : 0);
        for (int i = 0; i < phoneCount; i++) {
            op.phones.add(newPhone());
        }
        if (!classified && random.nextDouble() < 0.4) {
            int photos = 1 + random.nextInt(3);
            for (int i = 0; i < photos; i++) {
                op.photos.add(photo());
            }
        }
        operators.add(op);
        return op;
    }

    /** Ads per operator: geometric with mean about 4, capped at 60. */
    private int clusterSize() {
        int size = 1;
        while (size < 60 && random.nextDouble() < 0.75) {
            size++;
        }
        return size;
    }

    /** Generates {@code count} ads, passing each to {@code sink} in order. */
    void generate(int count, Sink sink) {
        int[] owner = new int[count];
        int filled = 0;
        while (filled < count) {
            boolean classified =
                    random.nextDouble() < CLASSIFIED_RATE / (CLASSIFIED_RATE + (1 - CLASSIFIED_RATE) / 4.0);
            Operator op = newOperator(classified);
            int size = classified ? 1 : clusterSize();
            for (int i = 0; i < size && filled < count; i++) {
                owner[filled++] = op.id;
            }
        }
        // Operators post at different times: their ads are spread through the whole stream.
        for (int i = count - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = owner[i];
            owner[i] = owner[j];
            owner[j] = t;
        }
        OffsetDateTime start = OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.ofHours(5));
        for (int i = 0; i < count; i++) {
            Operator op = operators.get(owner[i]);
            long seed = random.nextLong();
            boolean repost = op.ads > 0 && op.kind != 3 && random.nextDouble() < REPOST_RATE;
            Random r = new Random(repost ? op.lastSeed : seed);
            op.lastSeed = repost ? op.lastSeed : seed;
            op.ads++;
            boolean hub = random.nextDouble() < HUB_RATE;
            boolean stock = random.nextDouble() < HUB_RATE;
            // A repost keeps the text but is posted under another name.
            @Nullable String repostName = repost ? pick(op.language.names(), random) : null;
            sink.accept(i, ad(i, op, r, repostName, hub, stock, start.plusMinutes(i * 7L % 300_000L)));
        }
    }

    private Planted ad(
            int index,
            Operator op,
            Random r,
            @Nullable String repostName,
            boolean hub,
            boolean stock,
            OffsetDateTime at) {
        Language lang = op.language;
        String city = op.cities[r.nextDouble() < 0.8 ? 0 : 1];
        List<String> phones = new ArrayList<>();
        String id = "g" + index;
        if (op.kind == 3) {
            String phone = op.phones.get(0);
            phones.add(phone);
            String text = lang.classifieds()[op.classified]
                    .replace("{city}", city)
                    .replace("{phone}", renderPhone(phone, lang, r, false));
            if (hub) {
                text += " " + support(lang);
                phones.add(SUPPORT_PHONE);
            }
            return new Planted(
                    new Ad(id, "classifieds", null, at, city, "", text, List.of()), op.id, phones, false, false);
        }
        String picked = pick(lang.names(), r); // drawn in a repost too, so that the rest of the text repeats
        String name = repostName != null ? repostName : picked;
        boolean minorAd = op.kind == 1 && r.nextDouble() < 0.7;
        StringBuilder text = new StringBuilder();
        String statement = statement(op, lang, r, minorAd);
        boolean edge = List.of(lang.edgeStatements()).contains(statement);
        text.append(name).append(". ").append(statement).append(". ");
        if (r.nextDouble() < 0.5 || minorAd) {
            text.append(minorAd ? pick(MINOR_EMOJI, r) + pick(MINOR_EMOJI, r) : pick(EMOJI, r) + pick(EMOJI, r));
            text.append(' ');
        }
        text.append(slot(lang.offers(), op.offer, r)).append(", ");
        text.append(slot(lang.places(), op.place, r)).append(", ").append(city).append(". ");
        text.append(slot(lang.hours(), op.hours, r)).append(". ");
        text.append(slot(lang.payments(), op.payment, r)).append(". ");
        text.append(op.signature).append('.').append(op.extras).append(' ');
        text.append(slot(lang.intros(), op.intro, r)).append(' ');
        int shown = op.phones.size() == 1 ? 1 : 1 + r.nextInt(op.phones.size());
        for (int p = 0; p < shown; p++) {
            String phone = op.phones.get((p + r.nextInt(op.phones.size())) % op.phones.size());
            if (phones.contains(phone)) {
                continue;
            }
            text.append(p == 0 ? "" : " / ").append(renderPhone(phone, lang, r, true));
            phones.add(phone);
        }
        if (!op.handle.isEmpty() && r.nextDouble() < 0.7) {
            text.append(' ').append(lang.telegram()).append(' ').append(op.handle);
        }
        if (hub) {
            text.append(". ").append(support(lang));
            phones.add(SUPPORT_PHONE);
        }
        List<PdqHash> images = new ArrayList<>();
        for (PdqHash photo : op.photos) {
            if (r.nextDouble() < 0.7) {
                images.add(reencoded(photo, random));
            }
        }
        if (stock) {
            images.add(stockPhoto);
        }
        String title = name + ", " + lang.offers()[op.offer];
        Ad ad = new Ad(id, "site-" + (char) ('a' + op.id % 3), null, at, city, title, text.toString(), images);
        return new Planted(ad, op.id, phones, minorAd, edge);
    }

    private static String support(Language lang) {
        return switch (lang.code()) {
            case "kk" -> "Сайт қолдауы: 8 700 000 00 00";
            case "en" -> "Site support: 8 700 000 00 00";
            default -> "Поддержка сайта: 8 700 000 00 00";
        };
    }

    /** The template's phrase, or now and then another one: operators vary their ads. */
    private static String slot(String[] phrases, int chosen, Random r) {
        return r.nextDouble() < 0.12 ? phrases[r.nextInt(phrases.length)] : phrases[chosen];
    }

    private static String statement(Operator op, Language lang, Random r, boolean minorAd) {
        if (minorAd) {
            return pick(lang.minorStatements(), r)
                    .replace("{g}", Integer.toString(8 + r.nextInt(4)))
                    .replace("{m}", Integer.toString(15 + r.nextInt(3)));
        }
        if (op.kind == 2 && r.nextDouble() < 0.6) {
            return pick(lang.edgeStatements(), r);
        }
        return pick(lang.adultAges(), r).replace("{n}", Integer.toString(19 + r.nextInt(17)));
    }

    /** A phone number in one of the disguises ads use. */
    private static String renderPhone(String e164, Language lang, Random r, boolean disguise) {
        String national = "8" + e164.substring(2); // 8 7xx xxx xx xx
        int style = disguise ? r.nextInt(10) : r.nextInt(4);
        return switch (style) {
            case 0 ->
                "8 (" + national.substring(1, 4) + ") " + national.substring(4, 7) + "-" + national.substring(7, 9)
                        + "-" + national.substring(9);
            case 1 -> "8-" + national.substring(1, 4) + "-" + national.substring(4, 7) + "-" + national.substring(7);
            case 2 ->
                "+7 " + national.substring(1, 4) + " " + national.substring(4, 7) + " " + national.substring(7, 9) + " "
                        + national.substring(9);
            case 3 ->
                String.join(
                        ".",
                        national.substring(0, 1),
                        national.substring(1, 4),
                        national.substring(4, 7),
                        national.substring(7, 9),
                        national.substring(9));
            case 4 -> String.join(" ", national.split(""));
            case 5 -> words(national, lang, r, 1.0);
            case 6 -> words(national, lang, r, 0.5);
            case 7 -> lookAlikes(national, r);
            case 8 -> "wa.me/" + e164.substring(1);
            default -> fullWidth(national);
        };
    }

    private static String words(String digits, Language lang, Random r, double share) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(i) - '0';
            out.append(i == 0 ? "" : " ").append(r.nextDouble() < share ? lang.digitWords()[d] : Integer.toString(d));
        }
        return out.toString();
    }

    private static String lookAlikes(String digits, Random r) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            String[] options = LOOK_ALIKES[digits.charAt(i) - '0'];
            boolean swap = r.nextDouble() < 0.4 && !Character.isDigit(options[0].charAt(0));
            out.append(swap ? options[r.nextInt(options.length)] : digits.charAt(i));
        }
        return out.toString();
    }

    private static String fullWidth(String digits) {
        StringBuilder out = new StringBuilder();
        for (char c : digits.toCharArray()) {
            out.append((char) ('０' + (c - '0')));
        }
        return out.toString();
    }
}
