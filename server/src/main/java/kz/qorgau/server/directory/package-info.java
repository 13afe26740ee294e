/**
 * Who is who: organisations (schools, police, social services, oversight bodies…), their staff and
 * the API tokens of integrations.
 */
@NullMarked
@ApplicationModule(displayName = "Directory")
package kz.qorgau.server.directory;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
