namespace Pipeline.Rendering;

/// <summary>
/// An element to capture is not in the page once it has loaded. Thrown after the load event, before any PNG
/// is written, and without waiting out a timeout: a static report page that lacks the element will not grow it.
/// </summary>
public sealed class ElementNotFoundException : Exception
{
    /// <summary>Builds the message from the element id and the page's address.</summary>
    public ElementNotFoundException(string elementId, string pageUrl)
        : base($"element #{elementId} is not in {pageUrl} (checked after the page loaded); no PNG was written")
    {
        ElementId = elementId;
        PageUrl = pageUrl;
    }

    /// <summary>The id that was asked for, without the <c>#</c>.</summary>
    public string ElementId { get; }

    /// <summary>The page that was loaded.</summary>
    public string PageUrl { get; }
}
