global using FluentAssertions;
global using NUnit.Framework;
global using Rator.Sandbox.Tests.Support;
