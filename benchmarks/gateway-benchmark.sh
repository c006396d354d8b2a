#!/usr/bin/env bash
# GET /securitysystems through the gateway and directly against security-system-service, with the same access token,
# on a local stack started by the DevHost runner code (free ports, temporary data). Prints req/s, p50 and p99 for both
# paths and the number of IAM calls during the measured runs. Options: --concurrency N --warmup S --duration S.
set -euo pipefail
cd "$(dirname "$0")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build benchmarks/GatewayBenchmark/GatewayBenchmark.csproj -c Release -nologo -clp:ErrorsOnly
dotnet benchmarks/GatewayBenchmark/bin/Release/net10.0/GatewayBenchmark.dll "$@"
