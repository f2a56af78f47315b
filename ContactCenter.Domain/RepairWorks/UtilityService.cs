namespace ContactCenter.Domain.RepairWorks;

/// <summary>The service that repair works cut or affect.</summary>
public enum UtilityService
{
    Water,
    Sewerage,
    Heating,
    HotWater,
    Power,
    Gas,
    Roads,
    StreetLighting,
    Transport,
    Other,
}

/// <summary>Ukrainian names of <see cref="UtilityService"/>, as operators and citizens read them.</summary>
public static class UtilityServiceNames
{
    public static string Of(UtilityService service) => service switch
    {
        UtilityService.Water => "Водопостачання",
        UtilityService.Sewerage => "Водовідведення",
        UtilityService.Heating => "Теплопостачання",
        UtilityService.HotWater => "Гаряче водопостачання",
        UtilityService.Power => "Електропостачання",
        UtilityService.Gas => "Газопостачання",
        UtilityService.Roads => "Дороги",
        UtilityService.StreetLighting => "Вуличне освітлення",
        UtilityService.Transport => "Громадський транспорт",
        UtilityService.Other => "Інше",
        _ => throw new ArgumentOutOfRangeException(nameof(service), service, "Unknown utility service."),
    };
}
