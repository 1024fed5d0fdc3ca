using NUnit.Framework;
using Reqnroll.Infrastructure;

namespace Rator.Contract.Tests.Support.Runner;

/// <summary>Files a step attaches through IReqnrollOutputHelper become attachments of the NUnit test.</summary>
internal sealed class NUnitAttachmentHandler : IReqnrollAttachmentHandler
{
    public void AddAttachment(string filePath) => TestContext.AddTestAttachment(filePath);
}
