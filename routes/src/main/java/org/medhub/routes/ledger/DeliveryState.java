package org.medhub.routes.ledger;

import java.util.Set;

/**
 * What the ledger knows, for one subscriber, of the messages its delivery stage has read.
 *
 * @param settled the messages the subscriber already has (delivered or let go)
 * @param blockedKeys the business keys whose deliveries wait behind an unsettled message
 * @param withRows the messages that have a delivery row of their own: a first delivery needs none
 */
public record DeliveryState(Set<String> settled, Set<String> blockedKeys, Set<String> withRows) {}
