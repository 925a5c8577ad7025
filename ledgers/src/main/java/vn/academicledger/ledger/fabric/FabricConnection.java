package vn.academicledger.ledger.fabric;

import io.grpc.ChannelCredentials;
import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.TlsChannelCredentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import vn.academicledger.core.ledger.LedgerPort;

/**
 * The connection of one application to the Fabric network: one gRPC channel per gateway peer,
 * shared by every {@link FabricLedger} it hands out, whatever identity each submits as. A
 * channel reconnects by itself after a peer restarts; {@link FabricLedger} retries an evaluation
 * or endorsement that found its peer unreachable and asks the channel to reconnect at once.
 *
 * <p>The gRPC transport (grpc-netty-shaded) is found on the class path at run time.
 */
public final class FabricConnection implements AutoCloseable {
    private final FabricLedgerSettings settings;
    private final Map<PeerEndpoint, ManagedChannel> channels = new ConcurrentHashMap<>();
    private volatile boolean closed;

    private FabricConnection(FabricLedgerSettings settings) {
        this.settings = settings;
    }

    public static FabricConnection open(FabricLedgerSettings settings) {
        return new FabricConnection(Objects.requireNonNull(settings, "settings"));
    }

    public FabricLedgerSettings settings() {
        return settings;
    }

    /** A ledger port that submits as {@code identity}, through a peer of the identity's own organisation. */
    public FabricLedger connect(FabricIdentity identity) {
        if (closed) {
            throw new IllegalStateException("connection closed");
        }
        PeerEndpoint peer = settings.gatewayPeerFor(identity.mspId());
        return new FabricLedger(settings, identity, channels.computeIfAbsent(peer, FabricConnection::newChannel));
    }

    /** Same as {@link #connect(FabricIdentity)}, typed as the port. */
    public LedgerPort port(FabricIdentity identity) {
        return connect(identity);
    }

    static ManagedChannel newChannel(PeerEndpoint peer) {
        ChannelCredentials credentials;
        try {
            credentials = TlsChannelCredentials.newBuilder().trustManager(peer.tlsRootCert().toFile()).build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the TLS root certificate " + peer.tlsRootCert(), e);
        }
        ManagedChannelBuilder<?> builder = Grpc.newChannelBuilderForAddress(peer.host(), peer.port(), credentials)
                .keepAliveTime(2, TimeUnit.MINUTES)
                .keepAliveWithoutCalls(false);
        if (peer.serverName() != null) {
            builder.overrideAuthority(peer.serverName());
        }
        return builder.build();
    }

    @Override
    public void close() {
        closed = true;
        for (ManagedChannel channel : channels.values()) {
            channel.shutdown();
        }
        for (ManagedChannel channel : channels.values()) {
            try {
                if (!channel.awaitTermination(5, TimeUnit.SECONDS)) {
                    channel.shutdownNow();
                }
            } catch (InterruptedException e) {
                channel.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
        channels.clear();
    }
}
