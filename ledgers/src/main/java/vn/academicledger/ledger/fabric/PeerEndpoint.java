package vn.academicledger.ledger.fabric;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A peer whose gateway service clients of one organisation connect to.
 *
 * @param host         host name or IP address the peer listens on
 * @param port         the peer's gRPC port
 * @param tlsRootCert  PEM file of the TLS CA that issued the peer's server certificate
 * @param serverName   name to check the peer's certificate against, or {@code null} for {@code host}
 */
public record PeerEndpoint(String host, int port, Path tlsRootCert, String serverName) {
    public PeerEndpoint {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(tlsRootCert, "tlsRootCert");
        if (port <= 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    public String target() {
        return host + ":" + port;
    }
}
