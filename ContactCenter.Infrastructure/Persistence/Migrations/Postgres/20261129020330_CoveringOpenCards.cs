using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ContactCenter.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CoveringOpenCards : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Appeals_Open_Direction_Executor_Due",
                table: "Appeals");

            migrationBuilder.CreateIndex(
                name: "IX_Appeals_Open_Direction_Executor_Due",
                table: "Appeals",
                columns: new[] { "DirectionId", "ExecutorId", "DueAt", "ExtensionCount", "IsPrivileged", "SerPlanIncludedAt", "ClosedAt" },
                filter: "\"ClosedAt\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Appeals_Open_Direction_Executor_Due",
                table: "Appeals");

            migrationBuilder.CreateIndex(
                name: "IX_Appeals_Open_Direction_Executor_Due",
                table: "Appeals",
                columns: new[] { "DirectionId", "ExecutorId", "DueAt", "ExtensionCount", "IsPrivileged", "SerPlanIncludedAt" },
                filter: "\"ClosedAt\" IS NULL");
        }
    }
}
