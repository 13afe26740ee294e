/**
 * The payment-signals benchmark: generated transactions with planted exploitation rings among
 * ordinary traffic, screened in one pass, against a baseline of merely parsing the same file.
 */
@NullMarked
package kz.qorgau.bench.tx;

import org.jspecify.annotations.NullMarked;
