package dev.tollgate.jakarta.config;

import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/** MicroProfile Config, loaded only on a server that has it (an optional dependency of the library). */
final class MicroProfileSource {

    private MicroProfileSource() {
    }

    /**
     * The application's configuration, looked up per read: the calling thread's class loader picks the
     * application's {@code microprofile-config.properties}.
     */
    static Function<String, Optional<String>> source() {
        ConfigProvider.getConfig(); // fails here, not at the first read, when the server has no implementation
        return name -> {
            Config config = ConfigProvider.getConfig();
            return config.getOptionalValue(name, String.class);
        };
    }
}
