package dev.tollgate.oauth1;

/** Test keys: the published RSA-SHA1 key pair of the wiki.oauth.net test cases (1024 bits), and one of 2048 bits. */
final class Vectors {

    static final String RSA_PRIVATE_KEY = """
            -----BEGIN PRIVATE KEY-----
            MIICdgIBADANBgkqhkiG9w0BAQEFAASCAmAwggJcAgEAAoGBALRiMLAh9iimur8V
            A7qVvdqxevEuUkW4K+2KdMXmnQbG9Aa7k7eBjK1S+0LYmVjPKlJGNXHDGuy5Fw/d
            7rjVJ0BLB+ubPK8iA/Tw3hLQgXMRRGRXXCn8ikfuQfjUS1uZSatdLB81mydBETlJ
            hI6GH4twrbDJCR2Bwy/XWXgqgGRzAgMBAAECgYBYWVtleUzavkbrPjy0T5FMou8H
            X9u2AC2ry8vD/l7cqedtwMPp9k7TubgNFo+NGvKsl2ynyprOZR1xjQ7WgrgVB+mm
            uScOM/5HVceFuGRDhYTCObE+y1kxRloNYXnx3ei1zbeYLPCHdhxRYW7T0qcynNmw
            rn05/KO2RLjgQNalsQJBANeA3Q4Nugqy4QBUCEC09SqylT2K9FrrItqL2QKc9v0Z
            zO2uwllCbg0dwpVuYPYXYvikNHHg+aCWF+VXsb9rpPsCQQDWR9TT4ORdzoj+Nccn
            qkMsDmzt0EfNaAOwHOmVJ2RVBspPcxt5iN4HI7HNeG6U5YsFBb+/GZbgfBT3kpNG
            WPTpAkBI+gFhjfJvRw38n3g/+UeAkwMI2TJQS4n8+hid0uus3/zOjDySH3XHCUno
            cn1xOJAyZODBo47E+67R4jV1/gzbAkEAklJaspRPXP877NssM5nAZMU0/O/NGCZ+
            3jPgDUno6WbJn5cqm8MqWhW1xGkImgRk+fkDBquiq4gPiT898jusgQJAd5Zrr6Q8
            AO/0isr/3aa6O6NLQxISLKcPDk2NOccAfS/xOtfOz4sJYM3+Bs4Io9+dZGSDCA54
            Lw03eHTNQghS0A==
            -----END PRIVATE KEY-----
            """;

    static final String RSA_PUBLIC_KEY = "-----BEGIN PUBLIC KEY-----\n"
            + "MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQC0YjCwIfYoprq/FQO6lb3asXrxLlJFuCvtinTF5p0GxvQGu5O3gYytUvtC2JlYzypSRjVx"
            + "wxrsuRcP3e641SdASwfrmzyvIgP08N4S0IFzEURkV1wp/IpH7kH41EtbmUmrXSwfNZsnQRE5SYSOhh+LcK2wyQkdgcMv11l4KoBkcwIDAQAB\n"
            + "-----END PUBLIC KEY-----\n";

    private Vectors() {
    }

    /** A 2048-bit RSA key pair made for these tests: the published pair above is too small to be accepted. */
    static final String RSA_2048_PRIVATE_KEY = "-----BEGIN PRIVATE KEY-----\n"
            + "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQCwTNWURnretQX8\n"
            + "fVSsTuNajKoFxNcvzzzY5BbqjCctx5Hd+D+fpiXUlb2XpqEROozHvJy6wSJBTBk5\n"
            + "xKnWOtnPzHTEHlZdR7BO+KKntzzU0dV7n444ePb/QkrUifcfMwb3DqJgS4+a2mkY\n"
            + "6yO/VTtHCWU4u17hXau8KqiHyr6tCDs4lNKntPZg/+pCelqv0x0FP9IOKeIXv7US\n"
            + "6QPjgEz3VopIi6H2bXeRBUKZrP8Z7tmfSobiam9n19NTRlPNjy8rfuovD3uDlQKz\n"
            + "j3J0WduTqKfC4tXKnv6EhDmIidlY2EmuIWM3dH8nVJOaf2xtztZdNodgbOdF2uke\n"
            + "soLWU2gpAgMBAAECggEAIfc3mcjHYNNS+y1hTA4pzrb1hcWB6MfeMvIkuRz16mO9\n"
            + "5lwu09EEjlOoEojLlMBpQY0EzBUsBpUE8iSBzRCLCLYdE/C9VlzaqqhL3BCZM25W\n"
            + "2SmpEpe5jH2m4ZJQDk58K8qBvZgpK14ja+XXfgQLdtjoS7kLo1My5D56uCi3Oioe\n"
            + "4fRvmBMjD1yb9Z8zZAwOHkA7qvrRzzKFJ5x7jJ5nRswrthHthSsjyKw1zqHfLDV4\n"
            + "hOXycTs8GQEHA1HMWAa7XLtq3gFWFaJDbVD6p7X3uPDPSc6NnOCajRalajIfUyEY\n"
            + "cKOXEHEqZ8gM+hrM1AlvPJfQnIdEz/aD0+2dWkLmxQKBgQDoK/0l40U7DsgnoJec\n"
            + "AdSMIiexAMMvLYRdeBAEvEZOYPQuG6vcYgYbo3pPSBNu6aVOOrUJCVI8hcPYfwO0\n"
            + "tgCOL1qJUV7huDhYFApicPuVp6m6xCvexhpwoacX/nBkw1uFVbWQCp66vpTzkmEO\n"
            + "MREAW8ElU/rDU5hSoXQQb5LkzQKBgQDCZOPBs4b9X28PO4cxG6TVqiEEMPq3o4U2\n"
            + "gL7earVgWwT6L3I89+f9ulusk54O4wfdBgqRqyMcPGWEKVBEuAI1wpm1hYtVRRJ3\n"
            + "1QNFdGzrE1WKu9xB+0sSBBITGgRrYQL7gm+Xi4kyJRIcD+3Z0reTVH/tUoEWI6dv\n"
            + "m4qVs/rwzQKBgQCoerN7eQ9WKgXpa8pZNaLOBkMTWWBKrhct1OCa7x195zGK/B2d\n"
            + "Ea0pBVrOiZlAlWCWAlg5NIBu1wsl4hYIX0LL62Uh3OCjoBGTKQfYI/ENytuKYq0L\n"
            + "PmsVbNlauhNJq9KQUYAuBObm0UI59vFjYQvbXLouomCIufMBk5QsESthyQKBgCuK\n"
            + "W3UsV+TydjasN6ipL29oDsMYkV+GcbT2e0noDr4JRQEglW7QfBbZoeTyn2loMn+v\n"
            + "9bgQ4+lUIczLUB5ENMKD1tfQlJfBw9QxUu1AmZDBoNxVHY1t0q+zV7UNk8XVUcyx\n"
            + "t3rzFwSzRu4gJz8tsk5+k7S9UQp7a+pUpWLIkEFVAoGAN5G3P6PY7FdrCyf79VLq\n"
            + "g3QGHEuPWJPvPU6UkCsLfC3paPfVOjHrYJHv1k3NEnrIWTNEXocUmsW6yHfM8oCY\n"
            + "hLpsz/LIgScUoClMht8O2NROxq/WoXIyNsDbE2ygQlM8I9n05F7S89be1bmrOlS3\n"
            + "w4dp7CZWDo2cEkSEw0o37ig=\n"
            + "-----END PRIVATE KEY-----\n";

    static final String RSA_2048_PUBLIC_KEY = "-----BEGIN PUBLIC KEY-----\n"
            + "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAsEzVlEZ63rUF/H1UrE7j\n"
            + "WoyqBcTXL8882OQW6ownLceR3fg/n6Yl1JW9l6ahETqMx7ycusEiQUwZOcSp1jrZ\n"
            + "z8x0xB5WXUewTviip7c81NHVe5+OOHj2/0JK1In3HzMG9w6iYEuPmtppGOsjv1U7\n"
            + "RwllOLte4V2rvCqoh8q+rQg7OJTSp7T2YP/qQnpar9MdBT/SDiniF7+1EukD44BM\n"
            + "91aKSIuh9m13kQVCmaz/Ge7Zn0qG4mpvZ9fTU0ZTzY8vK37qLw97g5UCs49ydFnb\n"
            + "k6inwuLVyp7+hIQ5iInZWNhJriFjN3R/J1STmn9sbc7WXTaHYGznRdrpHrKC1lNo\n"
            + "KQIDAQAB\n"
            + "-----END PUBLIC KEY-----\n";
}
