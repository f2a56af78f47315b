using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using ContactCenter.Domain.Appeals;
using ContactCenter.Infrastructure.Persistence;
using ContactCenter.Portal.Features.Intake;
using ContactCenter.Portal.Features.Open311;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Portal.Tests.Features.Open311;

public sealed class Open311ApiTests(DemoOpen311Portal portal) : IClassFixture<DemoOpen311Portal>
{
    private const string Surname = "Коваленчук";
    private const string Phone = "+380671112233";
    private const string Email = "oksana.kovalenchuk@ukr.net";
    private const string Residence = "м. Пирятин, вул. Незалежності, 77, кв. 5";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Dictionary<string, string> ValidForm(string serviceCode = "01.001") => new()
    {
        ["api_key"] = DemoSeed.DemoOpen311Key,
        ["service_code"] = serviceCode,
        ["address_string"] = "м. Пирятин, вул. Соборна, 12",
        ["lat"] = "50.2431",
        ["long"] = "32.5131",
        ["email"] = Email,
        ["first_name"] = "Оксана",
        ["last_name"] = Surname,
        ["phone"] = "067 111 22 33",
        ["description"] = "Порив водопроводу біля будинку, вода тече проїжджою частиною.",
        ["attribute[patronymic]"] = "Іванівна",
        ["attribute[residence]"] = Residence,
    };

    private async Task<(HttpStatusCode Status, string Body)> PostAsync(Dictionary<string, string> form, string format = "json")
    {
        using var client = portal.CreateClient();
        using var response = await client.PostAsync($"/open311/v2/requests.{format}", new FormUrlEncodedContent(form), Ct);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Ct));
    }

    private async Task<(HttpStatusCode Status, string Body, string? ContentType)> GetAsync(string path)
    {
        using var client = portal.CreateClient();
        using var response = await client.GetAsync("/open311/v2/" + path, Ct);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Ct), response.Content.Headers.ContentType?.MediaType);
    }

    private async Task<int> CountCardsAsync()
    {
        await using var db = portal.CreateDb();
        return await db.Appeals.CountAsync(Ct);
    }

    [Fact]
    public async Task Discovery_InJsonAndXml_NamesTheEndpointAndTheLawsAttributes()
    {
        var (status, json, type) = await GetAsync("discovery.json");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("application/json", type);
        Open311Schemas.AssertValid("discovery", json);
        var endpoint = JsonDocument.Parse(json).RootElement.GetProperty("endpoints")[0];
        Assert.Equal(Open311Endpoints.Specification, endpoint.GetProperty("specification").GetString());
        Assert.EndsWith("/open311/v2/", endpoint.GetProperty("url").GetString());
        Assert.Contains("attribute[patronymic]", JsonDocument.Parse(json).RootElement.GetProperty("contact").GetString());

        var (xmlStatus, xml, xmlType) = await GetAsync("discovery.xml");
        Assert.Equal(HttpStatusCode.OK, xmlStatus);
        Assert.Equal("text/xml", xmlType);
        var root = XDocument.Parse(xml).Root!;
        Assert.Equal("discovery", root.Name.LocalName);
        Assert.Equal(Open311Endpoints.Specification, root.Element("endpoints")!.Element("endpoint")!.Element("specification")!.Value);
        Assert.Equal(["application/json", "text/xml"], root.Descendants("format").Select(f => f.Value));
    }

    [Fact]
    public async Task Services_InJsonAndXml_ListTheActiveProblemsWithTheirSections()
    {
        var (status, json, _) = await GetAsync("services.json");
        Assert.Equal(HttpStatusCode.OK, status);
        Open311Schemas.AssertValid("services", json);
        var services = JsonDocument.Parse(json).RootElement.EnumerateArray().ToList();
        var leak = services.Single(s => s.GetProperty("service_code").GetString() == "01.001");
        Assert.Equal("Аварія на водопровідній мережі (порив)", leak.GetProperty("service_name").GetString());
        Assert.Equal("Водопостачання і водовідведення", leak.GetProperty("group").GetString());
        Assert.False(leak.GetProperty("metadata").GetBoolean());
        Assert.Equal("realtime", leak.GetProperty("type").GetString());
        Assert.Contains("порив", leak.GetProperty("keywords").GetString());
        Assert.Contains("attribute[residence]", leak.GetProperty("description").GetString());

        var (_, xml, _) = await GetAsync("services.xml");
        var xmlServices = XDocument.Parse(xml).Root!.Elements("service").ToList();
        Assert.Equal(services.Count, xmlServices.Count);
        var xmlLeak = xmlServices.Single(s => s.Element("service_code")!.Value == "01.001");
        Assert.Equal("Аварія на водопровідній мережі (порив)", xmlLeak.Element("service_name")!.Value);
        Assert.Equal("Водопостачання і водовідведення", xmlLeak.Element("group")!.Value);
        Assert.Equal("false", xmlLeak.Element("metadata")!.Value);
        Assert.Equal("realtime", xmlLeak.Element("type")!.Value);
    }

    [Fact]
    public async Task ServiceDefinition_KnownCodeHasNoAttributes_UnknownCodeIs404()
    {
        var (status, json, _) = await GetAsync("services/01.001.json");
        Assert.Equal(HttpStatusCode.OK, status);
        Open311Schemas.AssertValid("service_definition", json);
        var definition = JsonDocument.Parse(json).RootElement;
        Assert.Equal("01.001", definition.GetProperty("service_code").GetString());
        Assert.Equal(0, definition.GetProperty("attributes").GetArrayLength());

        var (missing, error, _) = await GetAsync("services/99.999.json");
        Assert.Equal(HttpStatusCode.NotFound, missing);
        Open311Schemas.AssertValid("errors", error);
        Assert.Equal(404, JsonDocument.Parse(error).RootElement[0].GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task Post_WithTheDemoKey_RegistersARoutedApiCard_AndGetShowsItWithoutPersonalData()
    {
        var before = await CountCardsAsync();

        var (status, body) = await PostAsync(ValidForm());

        Assert.True(status == HttpStatusCode.OK, body);
        Open311Schemas.AssertValid("service_request_id", body);
        var answer = JsonDocument.Parse(body).RootElement[0];
        var number = answer.GetProperty("service_request_id").GetString()!;
        Assert.Contains(number, answer.GetProperty("service_notice").GetString());
        Assert.Equal(before + 1, await CountCardsAsync());
        await using (var db = portal.CreateDb())
        {
            var card = await db.Appeals.SingleAsync(a => a.Number == number, Ct);
            var problem = await db.ClassifierProblems.SingleAsync(p => p.Code == "01.001", Ct);
            Assert.Equal(Channel.Api, card.Channel);
            Assert.Equal(problem.DefaultExecutorId, card.ExecutorId);
            Assert.Equal(Surname, card.Surname);
            Assert.Equal("Іванівна", card.Patronymic);
            Assert.Equal(Residence, card.ResidenceAddress);
            Assert.Equal(Phone, card.Phone);
            Assert.Equal(50.2431, card.Latitude);
            Assert.Equal("system", card.RegisteredById);

            var (tokenStatus, token, _) = await GetAsync($"tokens/{card.Id}.json");
            Assert.Equal(HttpStatusCode.OK, tokenStatus);
            Open311Schemas.AssertValid("tokens", token);
            Assert.Equal(number, JsonDocument.Parse(token).RootElement[0].GetProperty("service_request_id").GetString());
        }

        var (getStatus, json, _) = await GetAsync($"requests/{number}.json");
        Assert.Equal(HttpStatusCode.OK, getStatus);
        Open311Schemas.AssertValid("service_requests", json);
        var request = JsonDocument.Parse(json).RootElement.EnumerateArray().Single();
        Assert.Equal(number, request.GetProperty("service_request_id").GetString());
        Assert.Equal("open", request.GetProperty("status").GetString());
        Assert.Equal("01.001", request.GetProperty("service_code").GetString());
        Assert.Equal("м. Пирятин, вул. Соборна, 12", request.GetProperty("address").GetString());
        Assert.StartsWith("Порив водопроводу", request.GetProperty("description").GetString());
        Assert.False(string.IsNullOrEmpty(request.GetProperty("agency_responsible").GetString()));
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0[23]:00$", request.GetProperty("requested_datetime").GetString());

        var (_, xml, _) = await GetAsync($"requests/{number}.xml");
        Assert.Equal(number, XDocument.Parse(xml).Root!.Element("request")!.Element("service_request_id")!.Value);
        foreach (var body2 in new[] { json, xml })
        {
            Assert.DoesNotContain(Surname, body2);
            Assert.DoesNotContain("Оксана", body2);
            Assert.DoesNotContain("Іванівна", body2);
            Assert.DoesNotContain("67 111", body2);
            Assert.DoesNotContain("671112233", body2);
            Assert.DoesNotContain(Email, body2);
            Assert.DoesNotContain("Незалежності", body2);
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-a-key")]
    public async Task Post_WithAMissingOrUnknownKey_Is403AndCreatesNothing(string? key)
    {
        var form = ValidForm();
        if (key is null)
        {
            form.Remove("api_key");
        }
        else
        {
            form["api_key"] = key;
        }

        var before = await CountCardsAsync();
        var (status, body) = await PostAsync(form);

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Open311Schemas.AssertValid("errors", body);
        var error = JsonDocument.Parse(body).RootElement[0];
        Assert.Equal(403, error.GetProperty("code").GetInt32());
        Assert.Equal(Open311Errors.ApiKeyInvalid.Message, error.GetProperty("description").GetString());
        Assert.Equal(before, await CountCardsAsync());
    }

    [Fact]
    public async Task Post_WithoutMandatoryData_Is400ListingEveryUkrainianMessage_AndCreatesNothing()
    {
        var form = ValidForm();
        foreach (var field in new[] { "description", "email", "phone", "first_name", "last_name", "service_code", "attribute[patronymic]", "attribute[residence]" })
        {
            form.Remove(field);
        }

        var before = await CountCardsAsync();
        var (status, body) = await PostAsync(form);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Open311Schemas.AssertValid("errors", body);
        var errors = JsonDocument.Parse(body).RootElement.EnumerateArray().ToList();
        Assert.All(errors, e => Assert.Equal(400, e.GetProperty("code").GetInt32()));
        var messages = errors.Select(e => e.GetProperty("description").GetString()).ToList();
        Assert.Contains(IntakeUseCaseErrors.ProblemRequired.Message, messages);
        Assert.Contains(AppealErrors.EssenceRequired.Message, messages);
        Assert.Contains(AppealErrors.EmailRequiredForElectronic.Message, messages);
        Assert.Contains(Open311Errors.PhoneRequired.Message, messages);
        Assert.Contains(AppealErrors.SurnameRequired.Message, messages);
        Assert.Contains(AppealErrors.FirstNameRequired.Message, messages);
        Assert.Contains(AppealErrors.PatronymicRequired.Message, messages);
        Assert.Contains(AppealErrors.ResidenceRequired.Message, messages);
        Assert.Equal(before, await CountCardsAsync());
    }

    [Fact]
    public async Task Post_InXmlWithBadInput_AnswersTheSpecsXmlErrors()
    {
        var form = ValidForm();
        form.Remove("description");

        var (status, xml) = await PostAsync(form, "xml");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var root = XDocument.Parse(xml).Root!;
        Assert.Equal("errors", root.Name.LocalName);
        var error = Assert.Single(root.Elements("error"));
        Assert.Equal("400", error.Element("code")!.Value);
        Assert.Equal(AppealErrors.EssenceRequired.Message, error.Element("description")!.Value);
    }

    [Fact]
    public async Task Post_ForAnUnknownServiceCode_Is404()
    {
        var (status, body) = await PostAsync(ValidForm("99.999"));

        Assert.Equal(HttpStatusCode.NotFound, status);
        Open311Schemas.AssertValid("errors", body);
    }

    [Theory]
    [InlineData("requests/2026-999999.json")]
    [InlineData("tokens/00000000-0000-0000-0000-000000000001.json")]
    public async Task Get_UnknownId_Is404WithTheErrorShape(string path)
    {
        var (status, body, _) = await GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, status);
        Open311Schemas.AssertValid("errors", body);
        Assert.Equal(404, JsonDocument.Parse(body).RootElement[0].GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task Get_UnknownId_InXml_AnswersXmlErrors()
    {
        var (status, xml, _) = await GetAsync("requests/2026-999999.xml");

        Assert.Equal(HttpStatusCode.NotFound, status);
        var error = Assert.Single(XDocument.Parse(xml).Root!.Elements("error"));
        Assert.Equal("404", error.Element("code")!.Value);
        Assert.Equal(Open311Errors.RequestNotFound.Message, error.Element("description")!.Value);
    }

    [Theory]
    [InlineData("open")]
    [InlineData("closed")]
    public async Task Requests_FilteredByStatus_ReturnOnlyThatStatusFromTheLast90Days(string wanted)
    {
        var (status, json, _) = await GetAsync($"requests.json?status={wanted}");

        Assert.Equal(HttpStatusCode.OK, status);
        Open311Schemas.AssertValid("service_requests", json);
        var requests = JsonDocument.Parse(json).RootElement.EnumerateArray().ToList();
        Assert.NotEmpty(requests);
        Assert.True(requests.Count <= 1000);
        Assert.All(requests, r => Assert.Equal(wanted, r.GetProperty("status").GetString()));
        var since = DateTimeOffset.UtcNow.AddDays(-91);
        Assert.All(requests, r => Assert.True(DateTimeOffset.Parse(r.GetProperty("requested_datetime").GetString()!, System.Globalization.CultureInfo.InvariantCulture) >= since));
        await using var db = portal.CreateDb();
        var numbers = requests.Select(r => r.GetProperty("service_request_id").GetString()).Take(50).ToList();
        var statuses = await db.Appeals.Where(a => numbers.Contains(a.Number)).Select(a => a.Status).ToListAsync(Ct);
        Assert.All(statuses, s => Assert.Equal(wanted == "closed", s.IsTerminal()));
    }

    [Fact]
    public async Task Requests_ByCommaSeparatedIds_ServiceCodeAndDates_AreFiltered()
    {
        await using var db = portal.CreateDb();
        var numbers = await db.Appeals.Where(a => a.Number != null).OrderBy(a => a.NumberSequence).Select(a => a.Number!).Take(2).ToListAsync(Ct);

        var (_, byIds, _) = await GetAsync($"requests.json?service_request_id={string.Join(",", numbers)}");
        Assert.Equal(numbers.OrderBy(n => n), JsonDocument.Parse(byIds).RootElement.EnumerateArray().Select(r => r.GetProperty("service_request_id").GetString()).OrderBy(n => n));

        var end = DateTimeOffset.UtcNow;
        var start = end.AddDays(-30);
        var query = $"requests.json?service_code=01.002&start_date={Uri.EscapeDataString(start.ToString("yyyy-MM-ddTHH:mm:sszzz"))}&end_date={Uri.EscapeDataString(end.ToString("yyyy-MM-ddTHH:mm:sszzz"))}";
        var (status, json, _) = await GetAsync(query);
        Assert.Equal(HttpStatusCode.OK, status);
        Open311Schemas.AssertValid("service_requests", json);
        var requests = JsonDocument.Parse(json).RootElement.EnumerateArray().ToList();
        Assert.All(requests, r => Assert.Equal("01.002", r.GetProperty("service_code").GetString()));

        var (bad, error, _) = await GetAsync("requests.json?status=pending&start_date=yesterday");
        Assert.Equal(HttpStatusCode.BadRequest, bad);
        Open311Schemas.AssertValid("errors", error);
        Assert.Equal(2, JsonDocument.Parse(error).RootElement.GetArrayLength());
    }

    [Fact]
    public async Task Requests_OfAConfidentialCard_OmitTheDescription()
    {
        await using var db = portal.CreateDb();
        var number = await db.Appeals.Where(a => a.IsConfidential && a.Number != null).Select(a => a.Number!).FirstOrDefaultAsync(Ct);
        Assert.SkipWhen(number is null, "The demo history has no confidential card.");

        var (status, json, _) = await GetAsync($"requests/{number}.json");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(JsonValueKind.Null, JsonDocument.Parse(json).RootElement[0].GetProperty("description").ValueKind);
    }
}
