using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ContactCenter.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ClosureVerdicts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Appeals_Closed_At",
                table: "Appeals");

            migrationBuilder.AddColumn<bool>(
                name: "ClosedOnTime",
                table: "Appeals",
                type: "INTEGER",
                nullable: true);

            // Cards closed before the verdict was kept: judged as the reports judge them, by the due date in force at the
            // closure — the latest one set at or before it (the card's own due date if it has no history).
            migrationBuilder.Sql("""
                UPDATE "Appeals" SET "ClosedOnTime" = CASE WHEN "ClosedAt" <= COALESCE(
                    (SELECT d."DueAt" FROM "AppealDueDates" d
                     WHERE d."AppealId" = "Appeals"."Id" AND d."ChangedAt" <= "Appeals"."ClosedAt"
                     ORDER BY d."ChangedAt" DESC LIMIT 1),
                    "DueAt") THEN 1 ELSE 0 END
                WHERE "ClosedAt" IS NOT NULL
                """);

            migrationBuilder.CreateIndex(
                name: "IX_Appeals_Closed_At",
                table: "Appeals",
                columns: new[] { "ClosedAt", "DirectionId", "ExecutorId", "ClosedOnTime" },
                filter: "\"ClosedAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Appeals_Closed_Direction",
                table: "Appeals",
                columns: new[] { "DirectionId", "ClosedAt", "ExecutorId", "ClosedOnTime" },
                filter: "\"ClosedAt\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Appeals_Closed_At",
                table: "Appeals");

            migrationBuilder.DropIndex(
                name: "IX_Appeals_Closed_Direction",
                table: "Appeals");

            migrationBuilder.DropColumn(
                name: "ClosedOnTime",
                table: "Appeals");

            migrationBuilder.CreateIndex(
                name: "IX_Appeals_Closed_At",
                table: "Appeals",
                columns: new[] { "ClosedAt", "DirectionId", "ExecutorId", "DueAt" },
                filter: "\"ClosedAt\" IS NOT NULL");
        }
    }
}
