/**
 * The simulation clock's endpoint: exercises and tests replay weeks in seconds. Off unless
 * {@code qorgau.simulation.enabled}; never in the default {@code serve}.
 */
@NullMarked
@ApplicationModule(displayName = "Simulation")
package kz.qorgau.server.simulation;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
