/** The school early-warning benchmark: generated school years, scanned and compared with parsing alone. */
@NullMarked
package kz.qorgau.bench.school;

import org.jspecify.annotations.NullMarked;
