package org.medhub.connectors.http;

/** A subscriber accepted the record: its HTTP status, after how many attempts. */
public record DeliveryReceipt(int httpStatus, int attempts) {}
