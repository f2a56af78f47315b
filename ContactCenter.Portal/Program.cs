// Minimal host so the solution builds; the portal's services and pages are added here as they come.
var builder = WebApplication.CreateBuilder(args);

var app = builder.Build();

app.MapGet("/", () => "Контакт-Центр");

app.Run();

public partial class Program;
