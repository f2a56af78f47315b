using Bunit;
using ContactCenter.Domain.Appeals;
using ContactCenter.Infrastructure.Tests.Support;
using ContactCenter.Portal.Features.Appeals;

namespace ContactCenter.Portal.Tests.Components;

public sealed class CardActionFormTests : PortalComponentTest
{
    private readonly Cards cards = new();

    [Fact]
    public void AnExtensionRequest_WithoutAnyDocumentOnTheCard_AsksForProofFirst()
    {
        var card = cards.NewCard();

        var form = Render<CardActionForm>(p => p.Add(f => f.Action, CardAction.RequestExtension).Add(f => f.Card, card));

        Assert.Contains("документально підтверджений", form.Markup);
        Assert.Contains("п. 3.3 Регламенту", form.Markup);
    }

    [Fact]
    public void ApprovingAnExtension_StartsFromTheProposedDateAndSendsTheRequest()
    {
        var card = cards.NewCard();
        var photo = card.AddAttachment(cards.WaterStaff, Cards.Now.AddHours(1), new AttachmentInfo("акт.jpg", "image/jpeg", 100, "x.jpg")).Value;
        var proposed = cards.Policy.EndOfDay(new DateOnly(2026, 3, 20));
        var requestId = card.RequestExtension(cards.WaterStaff, Cards.Now.AddHours(2), "Заміна труби", proposed, [photo]).Value;
        CardActionInput? submitted = null;

        var form = Render<CardActionForm>(p => p
            .Add(f => f.Action, CardAction.DecideRequests)
            .Add(f => f.Card, card)
            .Add(f => f.Request, card.Requests.Single())
            .Add(f => f.Approve, true)
            .Add(f => f.OnSubmit, (CardActionInput input) => submitted = input));
        form.Find("[data-testid=action-submit]").Click();

        Assert.NotNull(submitted);
        Assert.Equal(requestId, submitted.RequestId);
        Assert.Equal(new DateOnly(2026, 3, 20), submitted.Date);
        Assert.True(submitted.Approve);
        Assert.Contains("Погодити", form.Markup);
    }

    [Fact]
    public void RefusingARequest_AsksOnlyForTheReason()
    {
        var card = cards.NewCard();
        card.RequestRedirect(cards.WaterStaff, Cards.Now.AddHours(1), "Не наша мережа");

        var form = Render<CardActionForm>(p => p
            .Add(f => f.Action, CardAction.DecideRequests)
            .Add(f => f.Card, card)
            .Add(f => f.Request, card.Requests.Single())
            .Add(f => f.Approve, false));

        Assert.Empty(form.FindAll("[data-testid=field-executor]"));
        Assert.Single(form.FindAll("[data-testid=field-text]"));
        Assert.Contains("Відхилити", form.Markup);
    }
}
