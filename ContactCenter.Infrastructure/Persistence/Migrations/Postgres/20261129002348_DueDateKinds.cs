using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ContactCenter.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DueDateKinds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AppealDueDates_AppealId_ChangedAt",
                table: "AppealDueDates");

            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "AppealDueDates",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "Extension");

            // Rows written before the kind was kept: the first due date of a card is its initial term; the terms of
            // forwarding and of a return to the applicant are known by the reason the card wrote; the rest were extensions.
            migrationBuilder.Sql("""
                UPDATE "AppealDueDates" SET "Kind" = 'Initial'
                WHERE "ChangedAt" = (SELECT MIN(d."ChangedAt") FROM "AppealDueDates" d WHERE d."AppealId" = "AppealDueDates"."AppealId")
                """);
            migrationBuilder.Sql("""UPDATE "AppealDueDates" SET "Kind" = 'Forwarding' WHERE "Kind" = 'Extension' AND "Reason" LIKE 'Строк пересилання%'""");
            migrationBuilder.Sql("""UPDATE "AppealDueDates" SET "Kind" = 'Return' WHERE "Kind" = 'Extension' AND "Reason" LIKE 'Строк повернення%'""");

            migrationBuilder.CreateIndex(
                name: "IX_AppealDueDates_AppealId_ChangedAt",
                table: "AppealDueDates",
                columns: new[] { "AppealId", "ChangedAt", "DueAt", "Kind" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AppealDueDates_AppealId_ChangedAt",
                table: "AppealDueDates");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "AppealDueDates");

            migrationBuilder.CreateIndex(
                name: "IX_AppealDueDates_AppealId_ChangedAt",
                table: "AppealDueDates",
                columns: new[] { "AppealId", "ChangedAt", "DueAt" });
        }
    }
}
