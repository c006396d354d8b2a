using RealGuard.SecuritySystemService.CustomerService;
using RealGuard.SecuritySystemService.Data;
using RealGuard.SecuritySystemService.Outbox;

namespace RealGuard.SecuritySystemService.Endpoints;

/// <summary>What the security-system endpoints use, injected as one parameter.</summary>
public sealed class SecuritySystemServices(
    SecuritySystemDbContext db,
    SecuritySystemAccess access,
    CustomerServiceClient customerService,
    OutboxSignal outbox,
    TimeProvider time)
{
    public SecuritySystemDbContext Db { get; } = db;

    public SecuritySystemAccess Access { get; } = access;

    public CustomerServiceClient CustomerService { get; } = customerService;

    public OutboxSignal Outbox { get; } = outbox;

    public TimeProvider Time { get; } = time;
}
