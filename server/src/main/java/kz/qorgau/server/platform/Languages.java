package kz.qorgau.server.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.SessionLocaleResolver;

/**
 * The three languages of every page: Kazakh, Russian and English. The browser's language decides
 * until the visitor picks one with {@code ?lang=kk|ru|en}; the choice lives in the session, so no
 * cookie beyond the session is set.
 */
@Configuration(proxyBeanMethods = false)
public class Languages implements WebMvcConfigurer {

    /** The supported languages, in the order the switch shows them. */
    public static final List<Locale> SUPPORTED =
            List.of(Locale.forLanguageTag("kk"), Locale.forLanguageTag("ru"), Locale.ENGLISH);

    /** Used when the browser asks for none of the supported languages. */
    public static final Locale FALLBACK = Locale.forLanguageTag("ru");

    @Bean
    LocaleResolver localeResolver() {
        SessionLocaleResolver resolver = new SessionLocaleResolver();
        resolver.setDefaultLocaleFunction(Languages::fromBrowser);
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new LanguageSwitch()).excludePathPatterns("/api/**");
    }

    static Locale fromBrowser(HttpServletRequest request) {
        String header = request.getHeader("Accept-Language");
        if (header == null || header.isBlank()) {
            return FALLBACK;
        }
        try {
            Locale best = Locale.lookup(Locale.LanguageRange.parse(header), SUPPORTED);
            return best == null ? FALLBACK : best;
        } catch (IllegalArgumentException malformed) {
            return FALLBACK;
        }
    }

    /** The supported language with this tag, or {@code null}. */
    public static @Nullable Locale supported(@Nullable String tag) {
        if (tag == null) {
            return null;
        }
        return SUPPORTED.stream()
                .filter(locale -> locale.getLanguage().equalsIgnoreCase(tag.trim()))
                .findFirst()
                .orElse(null);
    }

    private static final class LanguageSwitch implements HandlerInterceptor {
        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            Locale chosen = supported(request.getParameter("lang"));
            if (chosen != null) {
                LocaleResolver resolver =
                        org.springframework.web.servlet.support.RequestContextUtils.getLocaleResolver(request);
                if (resolver != null) {
                    resolver.setLocale(request, response, chosen);
                }
            }
            return true;
        }
    }
}
