package kz.qorgau.server.platform;

import com.zaxxer.hikari.HikariDataSource;
import java.util.Locale;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * On PostgreSQL, asks the driver to send a JDBC batch of inserts as multi-row inserts
 * ({@code reWriteBatchedInserts}): the ledger, the case timeline and the escalation sweep write in
 * batches, and PostgreSQL then runs one statement per batch instead of one per row (the escalation
 * benchmark, docs/benchmarks.md, measures the difference). A URL that sets the option itself keeps
 * its own value. Inserts in such a batch report "success, count unknown" instead of a row count;
 * nothing here counts inserted rows.
 */
@Component
class PostgresBatchInserts implements BeanPostProcessor {

    static final String OPTION = "reWriteBatchedInserts";

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool && applies(pool.getJdbcUrl())) {
            pool.addDataSourceProperty(OPTION, "true");
        }
        return bean;
    }

    static boolean applies(@org.jspecify.annotations.Nullable String url) {
        return url != null
                && url.startsWith("jdbc:postgresql:")
                && !url.toLowerCase(Locale.ROOT).contains(OPTION.toLowerCase(Locale.ROOT));
    }
}
