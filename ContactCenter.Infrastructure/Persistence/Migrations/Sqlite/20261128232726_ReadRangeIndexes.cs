using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ContactCenter.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReadRangeIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Appeals_Open_Executor_Urgency",
                table: "Appeals",
                columns: new[] { "ExecutorId", "IsPrivileged", "DueAt", "Id" },
                filter: "\"ClosedAt\" IS NULL AND \"SerPlanIncludedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Appeals_Open_Registered",
                table: "Appeals",
                column: "RegisteredAt",
                filter: "\"ClosedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Appeals_SerPlan_Executor_Urgency",
                table: "Appeals",
                columns: new[] { "ExecutorId", "IsPrivileged", "DueAt", "Id" },
                filter: "\"ClosedAt\" IS NULL AND \"SerPlanIncludedAt\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Appeals_Open_Executor_Urgency",
                table: "Appeals");

            migrationBuilder.DropIndex(
                name: "IX_Appeals_Open_Registered",
                table: "Appeals");

            migrationBuilder.DropIndex(
                name: "IX_Appeals_SerPlan_Executor_Urgency",
                table: "Appeals");
        }
    }
}
