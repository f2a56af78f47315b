using ContactCenter.Infrastructure;
using ContactCenter.Infrastructure.Files;
using ContactCenter.Infrastructure.Persistence;
using ContactCenter.Portal;
using ContactCenter.Portal.Components;
using ContactCenter.Portal.Features.Account;
using ContactCenter.Portal.Features.Appeals;
using ContactCenter.Portal.Features.Open311;
using ContactCenter.Portal.Features.Public;
using ContactCenter.Portal.Features.Reports;
using ContactCenter.Portal.Jobs;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddInfrastructure(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddAttachmentStore(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddPortal();
builder.Services.AddPublicFeatures();
builder.Services.AddScaleOut(builder.Configuration);
builder.Services.AddJobs(builder.Configuration);

var app = builder.Build();

using (var scope = app.Services.CreateScope())
{
    await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
}

app.UseProxyHeaders();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
    app.UseHsts();
}

app.UseRequestLocalization("uk-UA");
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.UseAntiforgery();
app.MapStaticAssets();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
app.MapAccountEndpoints();
app.MapAttachmentEndpoints();
app.MapOpen311();
app.MapReportEndpoints();
app.MapHub<ContactCenter.Portal.Realtime.CardsHub>(ContactCenter.Portal.Realtime.CardsHub.Path);
app.MapGet("/health", () => Results.Ok(new { status = "ok" }));

app.Run();

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
