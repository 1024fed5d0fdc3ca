namespace Rator.Contract.Tests.Support.Actors;

/// <summary>The operators CC-04 says an application must never act for (<see cref="Cast.ForbiddenOperator"/>).</summary>
public enum ForbiddenOperator
{
    Unknown,
    OfTheOtherBrand,
    PrivilegedOfTheHomeBrand,
    NoneAtAll,
}
