package dev.tollgate.jakarta.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PayaraDataGridTest {

    @Test
    void perNodeCachesInAClusterSayWhichSettingToChange() {
        String message = PayaraDataGrid.perNodeInACluster(CacheSettings.defaults(), 2).orElseThrow();
        assertTrue(message.startsWith("Tollgate's caches (org.ehcache.jsr107.EhcacheCachingProvider) are per node, "
                + "but this server is one of 2 members of a Payara cluster"), message);
        assertTrue(message.contains("Set tollgate.cache=hazelcast"), message);
    }

    @Test
    void oneNodeOrASharedCacheIsFine() {
        assertEquals(Optional.empty(), PayaraDataGrid.perNodeInACluster(CacheSettings.defaults(), 1));
        assertEquals(Optional.empty(), PayaraDataGrid.perNodeInACluster(CacheSettings.hazelcast(), 3));
    }

    @Test
    void withoutADataGridThereIsOneMember() {
        assertEquals(1, PayaraDataGrid.count());
    }
}
