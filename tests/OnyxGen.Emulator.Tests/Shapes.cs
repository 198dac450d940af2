namespace OnyxGen.Emulator.Tests;

/// <summary>Assertions for the five error shapes of onyx-api.md §3.</summary>
internal static class Shapes
{
    /// <summary>Shape A / E: exactly <c>{"detail"}</c>.</summary>
    public static void AssertDetail(Reply reply, int status, string detail)
    {
        Assert.Equal(status, reply.Status);
        Assert.Equal(["detail"], reply.Keys);
        Assert.Equal(detail, reply.Detail);
    }

    /// <summary>Shape B: exactly <c>{"error_code", "detail"}</c>.</summary>
    public static void AssertOnyx(Reply reply, int status, string code, string detail)
    {
        Assert.Equal(status, reply.Status);
        Assert.Equal(["error_code", "detail"], reply.Keys);
        Assert.Equal(code, reply.ErrorCode);
        Assert.Equal(detail, reply.Detail);
    }

    /// <summary>Shape C: exactly <c>{"message"}</c>, status 400.</summary>
    public static void AssertValueError(Reply reply, string message)
    {
        Assert.Equal(400, reply.Status);
        Assert.Equal(["message"], reply.Keys);
        Assert.Equal(message, reply.Message);
    }

    /// <summary>Shape D: exactly <c>{"status_code": 422, "message", "data": null}</c>; returns the message.</summary>
    public static string AssertValidation(Reply reply, int errorCount)
    {
        Assert.Equal(422, reply.Status);
        Assert.Equal(["status_code", "message", "data"], reply.Keys);
        Assert.Equal(422, reply.Json!["status_code"]!.GetValue<int>());
        Assert.Null(reply.Json!["data"]);
        var message = reply.Message!;
        Assert.StartsWith($"{errorCount} validation error{(errorCount == 1 ? "" : "s")}: {{'type': ", message);
        return message;
    }

    public static void AssertStatus(Reply reply, bool success, string message, long? data)
    {
        Assert.Equal(200, reply.Status);
        Assert.Equal(["success", "message", "data"], reply.Keys);
        Assert.Equal(success, reply.Json!["success"]!.GetValue<bool>());
        Assert.Equal(message, reply.Message);
        Assert.Equal(data, reply.Json!["data"]?.GetValue<long>());
    }
}
