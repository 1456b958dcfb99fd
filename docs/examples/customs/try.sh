#!/usr/bin/env bash
# The customs walk-through against a hub started with ./medhub run (sample configuration): the ERP's product,
# registration certificate and invoice, the factory's lot from production to release, then the delivery from
# planned to packed. Packed, it is declared, checked, signed and submitted to the simulated single window, whose
# receipts take it to CLEARED within seconds. Usage: docs/examples/customs/try.sh [hub URL] [admin password]
set -euo pipefail
hub=${1:-http://localhost:8080}
password=${2:-$(cat data/secrets/admin.password 2>/dev/null || echo "")}
here=$(dirname "$0")
post() { # partner, message type, file
  local secret
  secret=$(cat "data/secrets/$1.secret")
  curl -sS -u "$1:$secret" -H 'Content-Type: application/json' --data-binary "@$here/$3" "$hub/api/inbound/$1/$2"
  echo
}
post erp-trade product product.json
post erp-trade registration-certificate certificate.json
for n in 1 2 3; do post acme-factory batch-record "batch-$n.json"; done
post erp-trade commercial-invoice invoice.json
for status in planned picking packed; do
  post erp-trade shipment "shipment-$status.json"
  # one state after the other, as the ERP reported them: wait until the hub holds this one
  for _ in $(seq 1 30); do
    curl -sS -u "admin:$password" "$hub/api/records/Shipment?key=0080012345" \
      | grep -q "\"status\":\"${status^^}\"" && break
    sleep 1
  done
done
echo "declarations (status moves to CLEARED within a few seconds):"
for _ in $(seq 1 15); do
  sleep 2
  answer=$(curl -sS -u "admin:$password" "$hub/api/customs/declarations")
  echo "$answer"
  case $answer in *'"status":"CLEARED"'*) break ;; esac
done
