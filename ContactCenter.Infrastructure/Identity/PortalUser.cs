using Microsoft.AspNetCore.Identity;

namespace ContactCenter.Infrastructure.Identity;

/// <summary>A person who signs in to the portal: the Department's staff, executors' people, deputies, the mayor.</summary>
public sealed class PortalUser : IdentityUser
{
    public string FullName { get; set; } = string.Empty;

    /// <summary>For executors' people: the executor whose cards they see and act on.</summary>
    public Guid? ExecutorId { get; set; }

    /// <summary>For deputies: the directions they curate are found through <c>Direction.DeputyUserId</c>.</summary>
    public string? Position { get; set; }

    public bool IsActive { get; set; } = true;
}
