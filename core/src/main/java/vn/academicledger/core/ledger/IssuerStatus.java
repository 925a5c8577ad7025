package vn.academicledger.core.ledger;

/** An issuer's standing in the department's registry. */
public enum IssuerStatus { ACCREDITED, SUSPENDED }
