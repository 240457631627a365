using System.Globalization;
using System.Security.Cryptography;
using BlockBot.Channels.Console;
using BlockBot.Support.Staff;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BlockBot.Bench.WebChat;

/// <summary>
/// The product's own host (<see cref="BlockBotProgram.Build"/>: appsettings.json, the composition root, the web host on
/// a free 127.0.0.1 port with the web chat's Direct Line and <c>/chat</c>) over the run's database, the real
/// <c>dialogs/</c> and periods cut to seconds. Only settings are passed, plus one swap: the staff chat is the bench's
/// <see cref="AutoStaffChat"/>, worked by <see cref="AutoStaff"/>, in place of the console's.
/// </summary>
public static class WebChatBenchHost
{
    public static IHost Build(BenchOptions options, BenchDatabase database, LogCounter logCounter)
    {
        var root = RepositoryRoot.Find();
        var period = TimeSpan.FromSeconds(options.PeriodsSeconds).ToString("c", CultureInfo.InvariantCulture);
        var settings = new Dictionary<string, string>
        {
            ["BlockBot:DialogsPath"] = Path.Combine(root, "dialogs"),
            ["BlockBot:DefaultLanguage"] = "ru",
            ["BlockBot:Storage:Provider"] = database.Provider,
            ["BlockBot:Storage:ConnectionString"] = database.ConnectionString,
            ["BlockBot:Periods:AppealFollowUp"] = period,
            ["BlockBot:Periods:PhoneOnly"] = period,
            ["BlockBot:Periods:ChatsOnly"] = period,
            ["BlockBot:Http:Urls"] = "http://127.0.0.1:0",
            ["BlockBot:WebChat:Secrets:0"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(36)),
            // Every simulated visitor comes from 127.0.0.1: the per-address limit would count them all as one.
            ["BlockBot:WebChat:RequestsPerMinutePerAddress"] = "1000000",
            ["BlockBot:StaffChat"] = "Console",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Quartz"] = "Warning",
            // A fresh key ring each run, kept nowhere: nothing to warn about.
            ["Logging:LogLevel:Microsoft.AspNetCore.DataProtection"] = "Error",
        };

        var args = settings.Select(s => $"--{s.Key}={s.Value}").ToArray();
        return BlockBotProgram.Build(args, services =>
        {
            // The console staff chat reads the terminal; the bench's staff take and finish every card by themselves.
            services.RemoveAll<IStaffChat>();
            foreach (var reader in services.Where(d => d.ImplementationType == typeof(ConsoleStaffService)).ToList())
            {
                services.Remove(reader);
            }

            services.AddSingleton<AutoStaffChat>();
            services.AddSingleton<IStaffChat>(sp => sp.GetRequiredService<AutoStaffChat>());
            services.AddSingleton<AutoStaff>();
            services.AddHostedService(sp => sp.GetRequiredService<AutoStaff>());
            services.AddSingleton<ILoggerProvider>(logCounter);
        });
    }
}
