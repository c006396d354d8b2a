using Microsoft.EntityFrameworkCore;
using RealGuard.CustomerService.Domain;

namespace RealGuard.CustomerService.Data;

/// <summary>
/// customer-service's database. The provider-specific subclasses (<see cref="SqliteCustomerDbContext"/>,
/// <see cref="PostgreSqlCustomerDbContext"/>) only exist so that each provider keeps its own migrations.
/// </summary>
public class CustomerDbContext(DbContextOptions options) : DbContext(options)
{
    public const string ConnectionName = "customerdb";

    public DbSet<Customer> Customers => Set<Customer>();

    public DbSet<Employee> Employees => Set<Employee>();

    public DbSet<Location> Locations => Set<Location>();

    public DbSet<Team> Teams => Set<Team>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Customer>(customer =>
        {
            customer.Property(c => c.Id).ValueGeneratedNever();
            customer.Property(c => c.Name).HasMaxLength(FieldLimits.NameLength);
            customer.HasMany(c => c.Employees).WithOne().HasForeignKey(e => e.CustomerId);
            customer.HasMany(c => c.Locations).WithOne().HasForeignKey(l => l.CustomerId);
            customer.HasMany(c => c.Teams).WithOne().HasForeignKey(t => t.CustomerId);
        });

        modelBuilder.Entity<Location>(location =>
        {
            location.Property(l => l.Id).ValueGeneratedNever();
            location.Property(l => l.Name).HasMaxLength(FieldLimits.NameLength);
        });

        modelBuilder.Entity<Employee>(employee =>
        {
            employee.Property(e => e.Id).ValueGeneratedNever();
            employee.Property(e => e.UserId).HasMaxLength(FieldLimits.UserIdLength);
            employee.Property(e => e.FirstName).HasMaxLength(FieldLimits.PersonNameLength);
            employee.Property(e => e.LastName).HasMaxLength(FieldLimits.PersonNameLength);
            employee.Property(e => e.Email).HasMaxLength(FieldLimits.EmailLength);
            employee.Property(e => e.Phone).HasMaxLength(FieldLimits.PhoneLength);
            employee.Ignore(e => e.FullName);
            // The IAM username is the e-mail address: one person per address.
            employee.HasIndex(e => e.Email).IsUnique();
            employee.HasIndex(e => new { e.UserId, e.CustomerId }).IsUnique();
            employee.HasMany(e => e.CustomerRoles).WithOne().HasForeignKey(r => r.EmployeeId);
            employee.HasMany(e => e.LocationRoles).WithOne().HasForeignKey(r => r.EmployeeId);
            employee.HasMany(e => e.Memberships).WithOne().HasForeignKey(m => m.EmployeeId);
        });

        modelBuilder.Entity<EmployeeCustomerRole>(role =>
        {
            role.ToTable("EmployeeCustomerRoles");
            role.HasKey(r => new { r.EmployeeId, r.RoleName });
            role.Property(r => r.RoleName).HasMaxLength(FieldLimits.RoleNameLength);
        });

        modelBuilder.Entity<EmployeeLocationRole>(role =>
        {
            role.ToTable("EmployeeLocationRoles");
            role.HasKey(r => new { r.EmployeeId, r.LocationId, r.RoleName });
            role.Property(r => r.RoleName).HasMaxLength(FieldLimits.RoleNameLength);
            role.HasOne<Location>().WithMany().HasForeignKey(r => r.LocationId);
            role.HasIndex(r => r.LocationId);
        });

        modelBuilder.Entity<Team>(team =>
        {
            team.Property(t => t.Id).ValueGeneratedNever();
            team.Property(t => t.Name).HasMaxLength(FieldLimits.NameLength);
            team.HasMany(t => t.Members).WithOne(m => m.Team).HasForeignKey(m => m.TeamId);
            team.HasMany(t => t.LocationRoles).WithOne().HasForeignKey(r => r.TeamId);
        });

        modelBuilder.Entity<TeamMember>(member =>
        {
            member.ToTable("TeamMembers");
            member.HasKey(m => new { m.TeamId, m.EmployeeId });
            member.HasIndex(m => m.EmployeeId);
        });

        modelBuilder.Entity<TeamLocationRole>(role =>
        {
            role.ToTable("TeamLocationRoles");
            role.HasKey(r => new { r.TeamId, r.LocationId, r.RoleName });
            role.Property(r => r.RoleName).HasMaxLength(FieldLimits.RoleNameLength);
            role.HasOne<Location>().WithMany().HasForeignKey(r => r.LocationId);
            role.HasIndex(r => r.LocationId);
        });
    }
}
