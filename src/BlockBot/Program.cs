using BlockBot;

return await BlockBotProgram.RunAsync(args);
