using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ContactCenter.Infrastructure.Files;

public static class FilesServiceCollectionExtensions
{
    /// <summary>The attachment store in the folder <c>Files:Root</c> (relative to the content root; default <c>data/files</c>).</summary>
    public static IServiceCollection AddAttachmentStore(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var configured = configuration[AttachmentStoreOptions.RootKey];
        var root = string.IsNullOrWhiteSpace(configured) ? AttachmentStoreOptions.DefaultRoot : configured;
        if (!Path.IsPathRooted(root))
        {
            root = Path.Combine(contentRoot, root);
        }

        var options = new AttachmentStoreOptions(Path.GetFullPath(root));
        Directory.CreateDirectory(options.Root);
        services.AddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<AttachmentStore>();
        return services;
    }
}
