/**
 * The Fabric gateway adapter: {@link vn.academicledger.core.ledger.LedgerPort} over a live
 * Hyperledger Fabric network through fabric-gateway 1.10.
 *
 * <pre>{@code
 * Path crypto = Path.of("crypto-material/generated/fabric");
 * try (FabricConnection fabric = FabricConnection.open(FabricLedgerSettings.localNetwork(crypto))) {
 *     FabricIdentity school = FabricIdentity.fromMspDirectory("DepartmentMSP", crypto.resolve(
 *             "peerOrganizations/department.academicledger.test/users/school-79000701@department.academicledger.test/msp"));
 *     try (LedgerPort ledger = fabric.connect(school)) {
 *         BatchAnchor anchor = ledger.anchorBatch(new AnchorRequest("2025-HK1-79000701-001", rootHex, "79000701", 40, "ReportCard"));
 *     } catch (LedgerException e) {
 *         // e.stage(): EVALUATE, ENDORSE, SUBMIT or COMMIT; e.transactionId(); e.errorCode(); e.retryable()
 *     }
 * }
 * }</pre>
 *
 * <ul>
 *   <li>{@link vn.academicledger.ledger.fabric.FabricConnection}: one gRPC channel (TLS, trusting the
 *       org's TLS CA) per gateway peer, shared by all ports; clients of an org use a peer of that org,
 *       so evaluations run on their own org's peer.</li>
 *   <li>{@link vn.academicledger.ledger.fabric.FabricLedger}: one identity's port; per-call deadlines
 *       ({@link vn.academicledger.ledger.fabric.FabricLedgerSettings.Deadlines}); contract refusals keep
 *       their {@link vn.academicledger.core.ledger.LedgerErrorCode}; evaluations and endorsements that
 *       find a peer unreachable are retried after asking the channel to reconnect; submissions are not.</li>
 *   <li>Needs a gRPC transport at run time (io.grpc:grpc-netty-shaded 1.76.0) and protobuf-java 4.x.</li>
 * </ul>
 *
 * <p>Tests against the live network: {@code network-config/scripts/ledger-it.sh} (see network-config/README.md).
 */
package vn.academicledger.ledger.fabric;
